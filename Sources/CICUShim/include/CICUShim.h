#ifndef PASAR_CICUSHIM_H
#define PASAR_CICUSHIM_H

// Pasar's C interface to the system ICU. ICU's C function names are macros that rename to
// version-suffixed symbols (`unumf_close` → `unumf_close_72`), and some features exist only in its
// C++ API, so Swift calls these `pasar_` functions instead. This header names no ICU type: opaque
// structs stand for ICU objects, `uint16_t` for UTF-16 code units and `int32_t` for `UErrorCode`.
// That keeps ICU's headers out of Swift, where Foundation's bundled ICU would clash with them.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// True when `status` is an ICU failure; warnings are negative codes and succeed.
int pasar_failure(int32_t status);

/// True when a call needs a larger output buffer (ICU also warns when only the NUL did not fit).
int pasar_buffer_too_small(int32_t status);

// MARK: - Number formatting (modern NumberFormatter API)

/// ICU `UNumberFormatter`: immutable, documented as shareable between threads.
typedef struct PasarNumberFormatter PasarNumberFormatter;
/// ICU `UFormattedNumber`: one formatting call's result; each call opens its own.
typedef struct PasarFormattedNumber PasarFormattedNumber;

PasarNumberFormatter *pasar_unumf_open(const uint16_t *skeleton, int32_t skeletonLength, const char *locale,
                                       int32_t *status);
void pasar_unumf_close(PasarNumberFormatter *formatter);
PasarFormattedNumber *pasar_unumf_open_result(int32_t *status);
void pasar_unumf_close_result(PasarFormattedNumber *result);
/// Formats a decimal string exactly (no binary floating point on the way).
void pasar_unumf_format_decimal(const PasarNumberFormatter *formatter, const char *value, int32_t valueLength,
                                PasarFormattedNumber *result, int32_t *status);
int32_t pasar_unumf_result_to_string(const PasarFormattedNumber *result, uint16_t *buffer, int32_t capacity,
                                     int32_t *status);

// MARK: - Dates

/// ICU `UDateFormat` from a skeleton's best pattern for a locale, in one time zone: not thread-safe.
typedef struct PasarDateFormat PasarDateFormat;

PasarDateFormat *pasar_udat_open_skeleton(const uint16_t *skeleton, int32_t skeletonLength, const char *locale,
                                          const uint16_t *zone, int32_t zoneLength, int32_t *status);
void pasar_udat_close(PasarDateFormat *format);
/// Formats an instant given as milliseconds since 1970 UTC.
int32_t pasar_udat_format(const PasarDateFormat *format, double millis, uint16_t *buffer, int32_t capacity,
                          int32_t *status);

/// ICU `UDateIntervalFormat` (a range such as a delivery window): not thread-safe.
typedef struct PasarDateIntervalFormat PasarDateIntervalFormat;

PasarDateIntervalFormat *pasar_udtitvfmt_open(const char *locale, const uint16_t *skeleton, int32_t skeletonLength,
                                              const uint16_t *zone, int32_t zoneLength, int32_t *status);
void pasar_udtitvfmt_close(PasarDateIntervalFormat *format);
int32_t pasar_udtitvfmt_format(const PasarDateIntervalFormat *format, double fromMillis, double toMillis,
                               uint16_t *buffer, int32_t capacity, int32_t *status);

/// The canonical id of a time zone ("Europe/Berlin"); fails for ids ICU does not know.
int32_t pasar_ucal_canonical_zone(const uint16_t *zone, int32_t zoneLength, uint16_t *buffer, int32_t capacity,
                                  int32_t *isSystemID, int32_t *status);

// MARK: - Number parsing (only ICU's legacy API parses)

/// ICU `UNumberFormat` (legacy): not thread-safe.
typedef struct PasarLegacyNumberFormat PasarLegacyNumberFormat;

PasarLegacyNumberFormat *pasar_unum_open_decimal(const char *locale, int32_t *status);
void pasar_unum_close(PasarLegacyNumberFormat *format);
/// Parses localized text into a decimal string such as "1.2345E+3"; `position` reports how far it read.
int32_t pasar_unum_parse_decimal(const PasarLegacyNumberFormat *format, const uint16_t *text, int32_t textLength,
                                 int32_t *position, char *out, int32_t capacity, int32_t *status);

// MARK: - Plural rules

/// ICU `UPluralRules`: no thread-safety promise.
typedef struct PasarPluralRules PasarPluralRules;

PasarPluralRules *pasar_uplrules_open(const char *locale, int32_t *status);
void pasar_uplrules_close(PasarPluralRules *rules);
/// Selects the category of an already formatted number, so "1.0" and "1" can differ as CLDR says.
int32_t pasar_uplrules_select_formatted(const PasarPluralRules *rules, const PasarFormattedNumber *number,
                                        uint16_t *keyword, int32_t capacity, int32_t *status);

// MARK: - Currencies

/// Fraction digits for standard (`cash` = 0) or cash (`cash` = 1) amounts.
int32_t pasar_ucurr_fraction_digits(const uint16_t *currency, int cash, int32_t *status);
/// The rounding increment in units of 10^-`digits` (CHF cash: 0.05 with 2 digits gives 5).
int64_t pasar_ucurr_rounding_increment_units(const uint16_t *currency, int cash, int32_t digits, int32_t *status);
/// Static ICU data: the long name (`longName` = 1) or symbol of a currency in a locale.
const uint16_t *pasar_ucurr_name(const uint16_t *currency, const char *locale, int longName, int32_t *length,
                                 int32_t *status);

/// ICU `UEnumeration` of strings.
typedef struct PasarEnumeration PasarEnumeration;

/// Enumerates the ISO 4217 codes in current use (common, not deprecated).
PasarEnumeration *pasar_ucurr_open_iso_currencies(int32_t *status);
const char *pasar_uenum_next(PasarEnumeration *enumeration, int32_t *length, int32_t *status);
void pasar_uenum_close(PasarEnumeration *enumeration);

// MARK: - Locales

int32_t pasar_uloc_for_language_tag(const char *tag, char *localeID, int32_t capacity, int32_t *parsedLength,
                                    int32_t *status);
/// Strict BCP-47 conversion; also replaces deprecated codes (`iw` → `he`).
int32_t pasar_uloc_to_language_tag(const char *localeID, char *tag, int32_t capacity, int32_t *status);
/// Truncation parent (`de_AT` → `de`); CLDR's explicit parents come from `pasar_ures_explicit_parent`.
int32_t pasar_uloc_truncated_parent(const char *localeID, char *parent, int32_t capacity, int32_t *status);
int32_t pasar_uloc_language(const char *localeID, char *out, int32_t capacity, int32_t *status);
int32_t pasar_uloc_script(const char *localeID, char *out, int32_t capacity, int32_t *status);
int32_t pasar_uloc_country(const char *localeID, char *out, int32_t capacity, int32_t *status);
int32_t pasar_uloc_display_name(const char *localeID, const char *displayLocale, uint16_t *out, int32_t capacity,
                                int32_t *status);
int32_t pasar_uloc_display_country(const char *localeID, const char *displayLocale, uint16_t *out,
                                   int32_t capacity, int32_t *status);
int pasar_uloc_is_right_to_left(const char *localeID);
/// NULL-terminated list of ISO 639 language codes ICU knows.
const char *const *pasar_uloc_iso_languages(void);
/// NULL-terminated list of ISO 3166 region codes ICU knows.
const char *const *pasar_uloc_iso_countries(void);
/// CLDR's explicit parent (`es_MX` → `es_419`, `zh_Hant` → `root`) from ICU's locale data ("%%Parent");
/// returns 0 and writes nothing when the locale has none.
int32_t pasar_ures_explicit_parent(const char *localeID, char *out, int32_t capacity);

// MARK: - Regions (CLDR facts about a country)

/// CLDR's likely full locale (`und_NO` → `nb_Latn_NO`, `und_CH` → `de_Latn_CH`).
int32_t pasar_uloc_add_likely_subtags(const char *localeID, char *out, int32_t capacity, int32_t *status);
/// The ISO 4217 code of the currency in use today in the locale's region (`und_NO` → `NOK`), as UTF-16.
int32_t pasar_ucurr_for_locale(const char *localeID, uint16_t *buffer, int32_t capacity, int32_t *status);
/// Enumerates the canonical time zones of a region that are locations (`NO` → Europe/Oslo).
PasarEnumeration *pasar_ucal_open_region_zones(const char *region, int32_t *status);

// MARK: - Collation

/// ICU `UCollator`: no thread-safety promise for shared use.
typedef struct PasarCollator PasarCollator;

PasarCollator *pasar_ucol_open(const char *locale, int32_t *status);
void pasar_ucol_close(PasarCollator *collator);
/// -1, 0 or 1 as `a` sorts before, with or after `b`.
int32_t pasar_ucol_strcoll(const PasarCollator *collator, const uint16_t *a, int32_t aLength, const uint16_t *b,
                           int32_t bLength);
/// Writes a binary sort key (NUL-terminated); comparing keys bytewise orders like `pasar_ucol_strcoll`.
int32_t pasar_ucol_sort_key(const PasarCollator *collator, const uint16_t *source, int32_t length, uint8_t *key,
                            int32_t capacity);

// MARK: - Normalization and case folding (stateless, thread-safe)

/// Canonical decomposition (`nfd` = 1) or composition (`nfd` = 0) of UTF-16 text.
int32_t pasar_normalize(int nfd, const uint16_t *source, int32_t length, uint16_t *out, int32_t capacity,
                        int32_t *status);
/// Full Unicode case folding with the default (non-Turkic) mappings: "İ" becomes "i̇", "ß" becomes "ss".
int32_t pasar_u_fold_case(const uint16_t *source, int32_t length, uint16_t *out, int32_t capacity, int32_t *status);

// MARK: - Messages and locale matching (ICU C++ API)

/// An opened ICU MessageFormat. Not thread-safe: callers serialize use.
typedef struct PasarMessageFormat PasarMessageFormat;

/// Argument kinds passed to `pasar_msgfmt_format`.
enum { PASAR_MSGARG_STRING = 0, PASAR_MSGARG_DECIMAL = 1, PASAR_MSGARG_DATE = 2 };

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

// MARK: - Word breaking

/// ICU `UBreakIterator` for words: not thread-safe; each tokenizing call opens its own (ICU caches
/// the rules and dictionaries, so opening is cheap after the first).
typedef struct PasarWordBreaker PasarWordBreaker;

/// Opens a word break iterator for `locale` over `text` (which must outlive the iterator).
PasarWordBreaker *pasar_ubrk_open_words(const char *locale, const uint16_t *text, int32_t length, int32_t *status);
void pasar_ubrk_close(PasarWordBreaker *breaker);
/// The next boundary after the current one, or -1 at the end.
int32_t pasar_ubrk_next(PasarWordBreaker *breaker);
/// The rule status of the segment that ends at the current boundary: 0 for spaces and
/// punctuation (UBRK_WORD_NONE), 100 and up for numbers, letters, kana and ideographs.
int32_t pasar_ubrk_rule_status(const PasarWordBreaker *breaker);

/// NFKC: full-width Latin and half-width katakana become their ordinary forms.
int32_t pasar_normalize_nfkc(const uint16_t *source, int32_t length, uint16_t *out, int32_t capacity, int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
