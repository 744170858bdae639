#include "CICUShim.h"

#include <memory>
#include <vector>

#include <cstdlib>
#include <unicode/datefmt.h>
#include <unicode/fmtable.h>
#include <unicode/timezone.h>
#include <unicode/msgfmt.h>
#include <unicode/unistr.h>

struct PasarMessageFormat {
    icu::MessageFormat format;
};

extern "C" PasarMessageFormat *pasar_msgfmt_open(const char *pattern, const char *localeID, int32_t *status,
                                                 int32_t *errorOffset) {
    UErrorCode code = U_ZERO_ERROR;
    UParseError parseError{};
    auto *result = new PasarMessageFormat{
        icu::MessageFormat(icu::UnicodeString::fromUTF8(pattern), icu::Locale(localeID), parseError, code)};
    *status = code;
    *errorOffset = U_FAILURE(code) ? parseError.offset : -1;
    if (U_FAILURE(code)) {
        delete result;
        return nullptr;
    }
    // Dates in messages are instants shown in UTC, the same on every server whatever its time zone.
    int32_t formatCount = 0;
    const icu::Format **formats = result->format.getFormats(formatCount);
    for (int32_t index = 0; formats != nullptr && index < formatCount; index++) {
        if (auto *date = dynamic_cast<const icu::DateFormat *>(formats[index])) {
            const_cast<icu::DateFormat *>(date)->setTimeZone(*icu::TimeZone::getGMT());
        }
    }
    return result;
}

extern "C" void pasar_msgfmt_close(PasarMessageFormat *format) { delete format; }

extern "C" int32_t pasar_msgfmt_format(PasarMessageFormat *format, int32_t count, const char *const *names,
                                       const int32_t *kinds, const char *const *values, char *out,
                                       int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    std::vector<icu::UnicodeString> argumentNames;
    std::vector<icu::Formattable> arguments;
    argumentNames.reserve(count);
    arguments.reserve(count);
    for (int32_t index = 0; index < count; index++) {
        argumentNames.push_back(icu::UnicodeString::fromUTF8(names[index]));
        if (kinds[index] == PASAR_MSGARG_DATE) {
            arguments.emplace_back(static_cast<UDate>(std::strtod(values[index], nullptr)), icu::Formattable::kIsDate);
        } else if (kinds[index] == PASAR_MSGARG_DECIMAL) {
            // A decimal Formattable keeps the exact digits; plural selection sees "1.0" as written.
            arguments.emplace_back(icu::StringPiece(values[index]), code);
        } else {
            arguments.emplace_back(icu::UnicodeString::fromUTF8(values[index]));
        }
        if (U_FAILURE(code)) {
            *status = code;
            return 0;
        }
    }
    icu::UnicodeString result;
    format->format.format(argumentNames.data(), arguments.data(), count, result, code);
    *status = code;
    if (U_FAILURE(code)) { return 0; }
    std::string utf8;
    result.toUTF8String(utf8);
    auto length = static_cast<int32_t>(utf8.size());
    if (length <= capacity) { utf8.copy(out, length); }
    return length;
}
