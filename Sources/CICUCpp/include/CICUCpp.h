#ifndef PASAR_CICUCPP_H
#define PASAR_CICUCPP_H

// A C interface to ICU features that exist only in ICU's C++ API: MessageFormat
// with named arguments and CLDR's LocaleMatcher. The header names no ICU type, so
// Swift modules can import it next to Foundation without the two ICUs clashing.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An opened ICU MessageFormat. Not thread-safe: callers serialize use.
typedef struct PasarMessageFormat PasarMessageFormat;

/// Argument kinds passed to `pasar_msgfmt_format`.
enum { PASAR_MSGARG_STRING = 0, PASAR_MSGARG_DECIMAL = 1 };

/// Compiles a pattern (UTF-8) for an ICU locale id. On failure returns NULL, sets `*status`
/// to the ICU error code and `*errorOffset` to the pattern offset ICU reported (or -1).
PasarMessageFormat *pasar_msgfmt_open(const char *pattern, const char *localeID, int32_t *status,
                                      int32_t *errorOffset);

void pasar_msgfmt_close(PasarMessageFormat *format);

/// Formats with `count` named arguments (UTF-8 names and values; decimal values as "3" or "-1.5").
/// Writes UTF-8 into `out` and returns the full length, which may exceed `capacity`.
int32_t pasar_msgfmt_format(PasarMessageFormat *format, int32_t count, const char *const *names,
                            const int32_t *kinds, const char *const *values, char *out, int32_t capacity,
                            int32_t *status);

/// An immutable CLDR locale matcher over a list of supported locales; ICU makes it thread-safe.
typedef struct PasarLocaleMatcher PasarLocaleMatcher;

/// Builds a matcher over `count` BCP-47 tags; returns NULL and sets `*status` on failure.
PasarLocaleMatcher *pasar_matcher_open(const char *const *supportedTags, int32_t count, int32_t *status);

void pasar_matcher_close(PasarLocaleMatcher *matcher);

/// Index of the supported locale that best serves the desired tags (in preference order), or -1.
int32_t pasar_matcher_best_index(const PasarLocaleMatcher *matcher, const char *const *desiredTags,
                                 int32_t count, int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
