#ifndef PASAR_CICU_SHIM_H
#define PASAR_CICU_SHIM_H

// ICU's C functions are macros that rename to version-suffixed symbols
// (`unumf_close` becomes `unumf_close_72`), so Swift cannot see them by their
// plain names. Clang expands the macros here, and Swift calls these
// `pasar_`-prefixed static inline wrappers instead. Each wrapper only forwards.

#include <math.h>
#include <stdint.h>
#include <unicode/ucol.h>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/unum.h>
#include <unicode/unumberformatter.h>
#include <unicode/upluralrules.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>
#include <unicode/uchar.h>

/// True when `code` is an ICU failure; ICU warnings are negative codes and succeed.
static inline int pasar_failure(UErrorCode code) { return U_FAILURE(code); }

// MARK: - Number formatting (modern NumberFormatter API)

/// Opens an immutable formatter; ICU allows sharing it between threads.
static inline UNumberFormatter *pasar_unumf_open(const UChar *skeleton, int32_t skeletonLength,
                                                 const char *locale, UParseError *parseError,
                                                 UErrorCode *status) {
    return unumf_openForSkeletonAndLocaleWithError(skeleton, skeletonLength, locale, parseError, status);
}

static inline void pasar_unumf_close(UNumberFormatter *formatter) { unumf_close(formatter); }

/// A result object holds one formatting call's output; each call opens its own.
static inline UFormattedNumber *pasar_unumf_open_result(UErrorCode *status) { return unumf_openResult(status); }

static inline void pasar_unumf_close_result(UFormattedNumber *result) { unumf_closeResult(result); }

/// Formats a decimal string exactly (no binary floating point on the way).
static inline void pasar_unumf_format_decimal(const UNumberFormatter *formatter, const char *value,
                                              int32_t valueLength, UFormattedNumber *result,
                                              UErrorCode *status) {
    unumf_formatDecimal(formatter, value, valueLength, result, status);
}

static inline int32_t pasar_unumf_result_to_string(const UFormattedNumber *result, UChar *buffer,
                                                   int32_t capacity, UErrorCode *status) {
    return unumf_resultToString(result, buffer, capacity, status);
}

// MARK: - Number parsing (only the legacy API parses)

static inline UNumberFormat *pasar_unum_open_decimal(const char *locale, UErrorCode *status) {
    return unum_open(UNUM_DECIMAL, NULL, 0, locale, NULL, status);
}

static inline void pasar_unum_close(UNumberFormat *format) { unum_close(format); }

/// Parses localized text into a decimal string such as "-1234.5"; `position` reports how far it read.
static inline int32_t pasar_unum_parse_decimal(const UNumberFormat *format, const UChar *text,
                                               int32_t textLength, int32_t *position, char *out,
                                               int32_t capacity, UErrorCode *status) {
    return unum_parseDecimal(format, text, textLength, position, out, capacity, status);
}

// MARK: - Plural rules

static inline UPluralRules *pasar_uplrules_open(const char *locale, UErrorCode *status) {
    return uplrules_open(locale, status);
}

static inline void pasar_uplrules_close(UPluralRules *rules) { uplrules_close(rules); }

/// Selects the category of an already formatted number, so "1.0" and "1" can differ as CLDR says.
static inline int32_t pasar_uplrules_select_formatted(const UPluralRules *rules, const UFormattedNumber *number,
                                                      UChar *keyword, int32_t capacity, UErrorCode *status) {
    return uplrules_selectFormatted(rules, number, keyword, capacity, status);
}

// MARK: - Currencies

/// Fraction digits for standard (`UCURR_USAGE_STANDARD`) or cash (`UCURR_USAGE_CASH`) amounts.
static inline int32_t pasar_ucurr_fraction_digits(const UChar *currency, int cash, UErrorCode *status) {
    return ucurr_getDefaultFractionDigitsForUsage(currency, cash ? UCURR_USAGE_CASH : UCURR_USAGE_STANDARD,
                                                  status);
}

/// The rounding increment expressed in units of 10^-`digits` (CHF cash: 0.05 with 2 digits gives 5).
/// ICU reports increments as a double; it stays here, in metadata, and never touches an amount.
static inline int64_t pasar_ucurr_rounding_increment_units(const UChar *currency, int cash, int32_t digits,
                                                           UErrorCode *status) {
    double increment = ucurr_getRoundingIncrementForUsage(currency, cash ? UCURR_USAGE_CASH : UCURR_USAGE_STANDARD,
                                                          status);
    return (int64_t)llround(increment * pow(10.0, digits));
}

/// Returns static ICU data: the display name (`long`) or symbol (`!long`) of a currency in a locale.
static inline const UChar *pasar_ucurr_name(const UChar *currency, const char *locale, int longName,
                                            int32_t *length, UErrorCode *status) {
    UBool isChoiceFormat = 0;
    return ucurr_getName(currency, locale, longName ? UCURR_LONG_NAME : UCURR_SYMBOL_NAME, &isChoiceFormat,
                         length, status);
}

/// Enumerates the ISO 4217 codes in current use (not deprecated, not historic-only).
static inline UEnumeration *pasar_ucurr_open_iso_currencies(UErrorCode *status) {
    return ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, status);
}

static inline const char *pasar_uenum_next(UEnumeration *enumeration, int32_t *length, UErrorCode *status) {
    return uenum_next(enumeration, length, status);
}

static inline void pasar_uenum_close(UEnumeration *enumeration) { uenum_close(enumeration); }

// MARK: - Locales

static inline int32_t pasar_uloc_for_language_tag(const char *tag, char *localeID, int32_t capacity,
                                                  int32_t *parsedLength, UErrorCode *status) {
    return uloc_forLanguageTag(tag, localeID, capacity, parsedLength, status);
}

static inline int32_t pasar_uloc_to_language_tag(const char *localeID, char *tag, int32_t capacity,
                                                 UErrorCode *status) {
    return uloc_toLanguageTag(localeID, tag, capacity, 1, status);
}

static inline int32_t pasar_uloc_canonicalize(const char *localeID, char *name, int32_t capacity,
                                              UErrorCode *status) {
    return uloc_canonicalize(localeID, name, capacity, status);
}

/// Truncation parent (`de_AT` → `de`); CLDR's explicit parents come from `pasar_ures_explicit_parent`.
static inline int32_t pasar_uloc_truncated_parent(const char *localeID, char *parent, int32_t capacity,
                                                  UErrorCode *status) {
    return uloc_getParent(localeID, parent, capacity, status);
}

static inline int32_t pasar_uloc_language(const char *localeID, char *out, int32_t capacity, UErrorCode *status) {
    return uloc_getLanguage(localeID, out, capacity, status);
}

static inline int32_t pasar_uloc_script(const char *localeID, char *out, int32_t capacity, UErrorCode *status) {
    return uloc_getScript(localeID, out, capacity, status);
}

static inline int32_t pasar_uloc_country(const char *localeID, char *out, int32_t capacity, UErrorCode *status) {
    return uloc_getCountry(localeID, out, capacity, status);
}

static inline int32_t pasar_uloc_display_name(const char *localeID, const char *displayLocale, UChar *out,
                                              int32_t capacity, UErrorCode *status) {
    return uloc_getDisplayName(localeID, displayLocale, out, capacity, status);
}

static inline int32_t pasar_uloc_display_country(const char *localeID, const char *displayLocale, UChar *out,
                                                 int32_t capacity, UErrorCode *status) {
    return uloc_getDisplayCountry(localeID, displayLocale, out, capacity, status);
}

static inline int pasar_uloc_is_right_to_left(const char *localeID) { return uloc_isRightToLeft(localeID); }

/// NULL-terminated list of ISO 639 language codes ICU knows.
static inline const char *const *pasar_uloc_iso_languages(void) { return uloc_getISOLanguages(); }

/// NULL-terminated list of ISO 3166 region codes ICU knows.
static inline const char *const *pasar_uloc_iso_countries(void) { return uloc_getISOCountries(); }

/// CLDR's explicit parent of a locale (`es_MX` → `es_419`, `zh_Hant` → `root`), stored in ICU's
/// locale data as "%%Parent"; returns 0 and writes nothing when the locale has none.
static inline int32_t pasar_ures_explicit_parent(const char *localeID, char *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UResourceBundle *bundle = ures_openDirect(NULL, localeID, &status);
    if (U_FAILURE(status)) { return 0; }
    int32_t length = 0;
    const UChar *parent = ures_getStringByKey(bundle, "%%Parent", &length, &status);
    int32_t written = 0;
    if (U_SUCCESS(status) && length < capacity) {
        u_UCharsToChars(parent, out, length);
        out[length] = 0;
        written = length;
    }
    ures_close(bundle);
    return written;
}

// MARK: - Collation

static inline UCollator *pasar_ucol_open(const char *locale, UErrorCode *status) { return ucol_open(locale, status); }

static inline void pasar_ucol_close(UCollator *collator) { ucol_close(collator); }

static inline UCollationResult pasar_ucol_strcoll(const UCollator *collator, const UChar *a, int32_t aLength,
                                                  const UChar *b, int32_t bLength) {
    return ucol_strcoll(collator, a, aLength, b, bLength);
}

/// Writes a binary sort key; comparing keys bytewise orders like `ucol_strcoll`.
static inline int32_t pasar_ucol_sort_key(const UCollator *collator, const UChar *source, int32_t length,
                                          uint8_t *key, int32_t capacity) {
    return ucol_getSortKey(collator, source, length, key, capacity);
}

/// Sets collation strength (primary ignores accents and case, tertiary the default).
static inline void pasar_ucol_set_strength(UCollator *collator, UCollationStrength strength) {
    ucol_setStrength(collator, strength);
}

// MARK: - Normalization and case folding (thread-safe, no state)

static inline const UNormalizer2 *pasar_unorm2_nfd(UErrorCode *status) { return unorm2_getNFDInstance(status); }

static inline const UNormalizer2 *pasar_unorm2_nfc(UErrorCode *status) { return unorm2_getNFCInstance(status); }

static inline int32_t pasar_unorm2_normalize(const UNormalizer2 *normalizer, const UChar *source, int32_t length,
                                             UChar *out, int32_t capacity, UErrorCode *status) {
    return unorm2_normalize(normalizer, source, length, out, capacity, status);
}

/// Full Unicode case folding with the default (non-Turkic) mappings: "İ" becomes "i̇", "ß" becomes "ss".
static inline int32_t pasar_u_fold_case(const UChar *source, int32_t length, UChar *out, int32_t capacity,
                                        UErrorCode *status) {
    return u_strFoldCase(out, capacity, source, length, U_FOLD_CASE_DEFAULT, status);
}

/// True for combining marks that carry accents (general category Mn).
static inline int pasar_u_is_nonspacing_mark(UChar32 c) { return u_charType(c) == U_NON_SPACING_MARK; }

#endif
