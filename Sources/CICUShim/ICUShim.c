// Forwarders from Pasar's ICU-free header to the system ICU's C API. Each function only casts
// Pasar's opaque types back to ICU's and calls the (version-suffixed) ICU function.

#include "CICUShim.h"

#include <math.h>
#include <unicode/ubrk.h>
#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/udateintervalformat.h>
#include <unicode/udatpg.h>
#include <unicode/uchar.h>
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

#define STATUS(status) ((UErrorCode *)(status))

_Static_assert(sizeof(UErrorCode) == sizeof(int32_t), "UErrorCode is passed as int32_t");
_Static_assert(sizeof(UChar) == sizeof(uint16_t), "UChar is passed as uint16_t");

int pasar_failure(int32_t status) { return U_FAILURE((UErrorCode)status); }

int pasar_buffer_too_small(int32_t status) {
    return status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING;
}

// MARK: - Number formatting

PasarNumberFormatter *pasar_unumf_open(const uint16_t *skeleton, int32_t skeletonLength, const char *locale,
                                       int32_t *status) {
    return (PasarNumberFormatter *)unumf_openForSkeletonAndLocale((const UChar *)skeleton, skeletonLength, locale,
                                                                  STATUS(status));
}

void pasar_unumf_close(PasarNumberFormatter *formatter) { unumf_close((UNumberFormatter *)formatter); }

PasarFormattedNumber *pasar_unumf_open_result(int32_t *status) {
    return (PasarFormattedNumber *)unumf_openResult(STATUS(status));
}

void pasar_unumf_close_result(PasarFormattedNumber *result) { unumf_closeResult((UFormattedNumber *)result); }

void pasar_unumf_format_decimal(const PasarNumberFormatter *formatter, const char *value, int32_t valueLength,
                                PasarFormattedNumber *result, int32_t *status) {
    unumf_formatDecimal((const UNumberFormatter *)formatter, value, valueLength, (UFormattedNumber *)result,
                        STATUS(status));
}

int32_t pasar_unumf_result_to_string(const PasarFormattedNumber *result, uint16_t *buffer, int32_t capacity,
                                     int32_t *status) {
    return unumf_resultToString((const UFormattedNumber *)result, (UChar *)buffer, capacity, STATUS(status));
}

// MARK: - Dates

PasarDateFormat *pasar_udat_open_skeleton(const uint16_t *skeleton, int32_t skeletonLength, const char *locale,
                                          const uint16_t *zone, int32_t zoneLength, int32_t *status) {
    UDateTimePatternGenerator *generator = udatpg_open(locale, STATUS(status));
    if (U_FAILURE(*STATUS(status))) return NULL;
    UChar pattern[128];
    int32_t length = udatpg_getBestPattern(generator, (const UChar *)skeleton, skeletonLength, pattern, 128, STATUS(status));
    udatpg_close(generator);
    if (U_FAILURE(*STATUS(status)) || length >= 128) {
        if (!U_FAILURE(*STATUS(status))) *STATUS(status) = U_BUFFER_OVERFLOW_ERROR;
        return NULL;
    }
    return (PasarDateFormat *)udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, (const UChar *)zone, zoneLength, pattern, length,
                                        STATUS(status));
}

void pasar_udat_close(PasarDateFormat *format) { udat_close((UDateFormat *)format); }

int32_t pasar_udat_format(const PasarDateFormat *format, double millis, uint16_t *buffer, int32_t capacity,
                          int32_t *status) {
    return udat_format((const UDateFormat *)format, (UDate)millis, (UChar *)buffer, capacity, NULL, STATUS(status));
}

PasarDateIntervalFormat *pasar_udtitvfmt_open(const char *locale, const uint16_t *skeleton, int32_t skeletonLength,
                                              const uint16_t *zone, int32_t zoneLength, int32_t *status) {
    return (PasarDateIntervalFormat *)udtitvfmt_open(locale, (const UChar *)skeleton, skeletonLength, (const UChar *)zone,
                                                     zoneLength, STATUS(status));
}

void pasar_udtitvfmt_close(PasarDateIntervalFormat *format) { udtitvfmt_close((UDateIntervalFormat *)format); }

int32_t pasar_udtitvfmt_format(const PasarDateIntervalFormat *format, double fromMillis, double toMillis,
                               uint16_t *buffer, int32_t capacity, int32_t *status) {
    return udtitvfmt_format((const UDateIntervalFormat *)format, (UDate)fromMillis, (UDate)toMillis, (UChar *)buffer,
                            capacity, NULL, STATUS(status));
}

int32_t pasar_ucal_canonical_zone(const uint16_t *zone, int32_t zoneLength, uint16_t *buffer, int32_t capacity,
                                  int32_t *isSystemID, int32_t *status) {
    UBool system = 0;
    int32_t length = ucal_getCanonicalTimeZoneID((const UChar *)zone, zoneLength, (UChar *)buffer, capacity, &system,
                                                 STATUS(status));
    *isSystemID = system;
    return length;
}

// MARK: - Number parsing

PasarLegacyNumberFormat *pasar_unum_open_decimal(const char *locale, int32_t *status) {
    return (PasarLegacyNumberFormat *)unum_open(UNUM_DECIMAL, NULL, 0, locale, NULL, STATUS(status));
}

void pasar_unum_close(PasarLegacyNumberFormat *format) { unum_close((UNumberFormat *)format); }

int32_t pasar_unum_parse_decimal(const PasarLegacyNumberFormat *format, const uint16_t *text, int32_t textLength,
                                 int32_t *position, char *out, int32_t capacity, int32_t *status) {
    return unum_parseDecimal((const UNumberFormat *)format, (const UChar *)text, textLength, position, out, capacity,
                             STATUS(status));
}

// MARK: - Plural rules

PasarPluralRules *pasar_uplrules_open(const char *locale, int32_t *status) {
    return (PasarPluralRules *)uplrules_open(locale, STATUS(status));
}

void pasar_uplrules_close(PasarPluralRules *rules) { uplrules_close((UPluralRules *)rules); }

int32_t pasar_uplrules_select_formatted(const PasarPluralRules *rules, const PasarFormattedNumber *number,
                                        uint16_t *keyword, int32_t capacity, int32_t *status) {
    return uplrules_selectFormatted((const UPluralRules *)rules, (const UFormattedNumber *)number, (UChar *)keyword,
                                    capacity, STATUS(status));
}

// MARK: - Currencies

int32_t pasar_ucurr_fraction_digits(const uint16_t *currency, int cash, int32_t *status) {
    return ucurr_getDefaultFractionDigitsForUsage((const UChar *)currency,
                                                  cash ? UCURR_USAGE_CASH : UCURR_USAGE_STANDARD, STATUS(status));
}

int64_t pasar_ucurr_rounding_increment_units(const uint16_t *currency, int cash, int32_t digits, int32_t *status) {
    // ICU reports increments as a double; it stays here, in metadata, and never touches an amount.
    double increment = ucurr_getRoundingIncrementForUsage((const UChar *)currency,
                                                          cash ? UCURR_USAGE_CASH : UCURR_USAGE_STANDARD,
                                                          STATUS(status));
    return (int64_t)llround(increment * pow(10.0, digits));
}

const uint16_t *pasar_ucurr_name(const uint16_t *currency, const char *locale, int longName, int32_t *length,
                                 int32_t *status) {
    UBool isChoiceFormat = 0;
    return (const uint16_t *)ucurr_getName((const UChar *)currency, locale,
                                           longName ? UCURR_LONG_NAME : UCURR_SYMBOL_NAME, &isChoiceFormat, length,
                                           STATUS(status));
}

PasarEnumeration *pasar_ucurr_open_iso_currencies(int32_t *status) {
    return (PasarEnumeration *)ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, STATUS(status));
}

const char *pasar_uenum_next(PasarEnumeration *enumeration, int32_t *length, int32_t *status) {
    return uenum_next((UEnumeration *)enumeration, length, STATUS(status));
}

void pasar_uenum_close(PasarEnumeration *enumeration) { uenum_close((UEnumeration *)enumeration); }

// MARK: - Locales

int32_t pasar_uloc_for_language_tag(const char *tag, char *localeID, int32_t capacity, int32_t *parsedLength,
                                    int32_t *status) {
    return uloc_forLanguageTag(tag, localeID, capacity, parsedLength, STATUS(status));
}

int32_t pasar_uloc_to_language_tag(const char *localeID, char *tag, int32_t capacity, int32_t *status) {
    return uloc_toLanguageTag(localeID, tag, capacity, 1, STATUS(status));
}

int32_t pasar_uloc_truncated_parent(const char *localeID, char *parent, int32_t capacity, int32_t *status) {
    return uloc_getParent(localeID, parent, capacity, STATUS(status));
}

int32_t pasar_uloc_language(const char *localeID, char *out, int32_t capacity, int32_t *status) {
    return uloc_getLanguage(localeID, out, capacity, STATUS(status));
}

int32_t pasar_uloc_script(const char *localeID, char *out, int32_t capacity, int32_t *status) {
    return uloc_getScript(localeID, out, capacity, STATUS(status));
}

int32_t pasar_uloc_country(const char *localeID, char *out, int32_t capacity, int32_t *status) {
    return uloc_getCountry(localeID, out, capacity, STATUS(status));
}

int32_t pasar_uloc_display_name(const char *localeID, const char *displayLocale, uint16_t *out, int32_t capacity,
                                int32_t *status) {
    return uloc_getDisplayName(localeID, displayLocale, (UChar *)out, capacity, STATUS(status));
}

int32_t pasar_uloc_display_country(const char *localeID, const char *displayLocale, uint16_t *out,
                                   int32_t capacity, int32_t *status) {
    return uloc_getDisplayCountry(localeID, displayLocale, (UChar *)out, capacity, STATUS(status));
}

int pasar_uloc_is_right_to_left(const char *localeID) { return uloc_isRightToLeft(localeID); }

const char *const *pasar_uloc_iso_languages(void) { return uloc_getISOLanguages(); }

const char *const *pasar_uloc_iso_countries(void) { return uloc_getISOCountries(); }

int32_t pasar_ures_explicit_parent(const char *localeID, char *out, int32_t capacity) {
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

// MARK: - Regions

int32_t pasar_uloc_add_likely_subtags(const char *localeID, char *out, int32_t capacity, int32_t *status) {
    return uloc_addLikelySubtags(localeID, out, capacity, STATUS(status));
}

int32_t pasar_ucurr_for_locale(const char *localeID, uint16_t *buffer, int32_t capacity, int32_t *status) {
    return ucurr_forLocale(localeID, (UChar *)buffer, capacity, STATUS(status));
}

PasarEnumeration *pasar_ucal_open_region_zones(const char *region, int32_t *status) {
    return (PasarEnumeration *)ucal_openTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, region, NULL,
                                                               STATUS(status));
}

// MARK: - Collation

PasarCollator *pasar_ucol_open(const char *locale, int32_t *status) {
    return (PasarCollator *)ucol_open(locale, STATUS(status));
}

void pasar_ucol_close(PasarCollator *collator) { ucol_close((UCollator *)collator); }

int32_t pasar_ucol_strcoll(const PasarCollator *collator, const uint16_t *a, int32_t aLength, const uint16_t *b,
                           int32_t bLength) {
    return ucol_strcoll((const UCollator *)collator, (const UChar *)a, aLength, (const UChar *)b, bLength);
}

int32_t pasar_ucol_sort_key(const PasarCollator *collator, const uint16_t *source, int32_t length, uint8_t *key,
                            int32_t capacity) {
    return ucol_getSortKey((const UCollator *)collator, (const UChar *)source, length, key, capacity);
}

// MARK: - Normalization and case folding

int32_t pasar_normalize(int nfd, const uint16_t *source, int32_t length, uint16_t *out, int32_t capacity,
                        int32_t *status) {
    const UNormalizer2 *normalizer = nfd ? unorm2_getNFDInstance(STATUS(status)) : unorm2_getNFCInstance(STATUS(status));
    if (U_FAILURE(*STATUS(status))) { return 0; }
    return unorm2_normalize(normalizer, (const UChar *)source, length, (UChar *)out, capacity, STATUS(status));
}

int32_t pasar_u_fold_case(const uint16_t *source, int32_t length, uint16_t *out, int32_t capacity, int32_t *status) {
    return u_strFoldCase((UChar *)out, capacity, (const UChar *)source, length, U_FOLD_CASE_DEFAULT, STATUS(status));
}


int32_t pasar_normalize_nfkc(const uint16_t *source, int32_t length, uint16_t *out, int32_t capacity, int32_t *status) {
    const UNormalizer2 *normalizer = unorm2_getNFKCInstance(STATUS(status));
    if (U_FAILURE(*STATUS(status))) { return 0; }
    return unorm2_normalize(normalizer, (const UChar *)source, length, (UChar *)out, capacity, STATUS(status));
}

// MARK: - Word breaking

PasarWordBreaker *pasar_ubrk_open_words(const char *locale, const uint16_t *text, int32_t length, int32_t *status) {
    return (PasarWordBreaker *)ubrk_open(UBRK_WORD, locale, (const UChar *)text, length, STATUS(status));
}

void pasar_ubrk_close(PasarWordBreaker *breaker) { ubrk_close((UBreakIterator *)breaker); }

int32_t pasar_ubrk_next(PasarWordBreaker *breaker) { return ubrk_next((UBreakIterator *)breaker); }

int32_t pasar_ubrk_rule_status(const PasarWordBreaker *breaker) {
    return ubrk_getRuleStatus((UBreakIterator *)breaker);
}
