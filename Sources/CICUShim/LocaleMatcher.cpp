#include "CICUShim.h"

#include <vector>

#include <unicode/localematcher.h>

struct PasarLocaleMatcher {
    icu::LocaleMatcher matcher;
};

extern "C" PasarLocaleMatcher *pasar_matcher_open(const char *const *supportedTags, int32_t count,
                                                  int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    icu::LocaleMatcher::Builder builder;
    for (int32_t index = 0; index < count; index++) {
        builder.addSupportedLocale(icu::Locale::forLanguageTag(supportedTags[index], code));
    }
    // No default: the caller decides what "nothing matched" means.
    builder.setDefaultLocale(nullptr);
    icu::LocaleMatcher matcher = builder.build(code);
    *status = code;
    if (U_FAILURE(code)) { return nullptr; }
    return new PasarLocaleMatcher{std::move(matcher)};
}

extern "C" void pasar_matcher_close(PasarLocaleMatcher *matcher) { delete matcher; }

extern "C" int32_t pasar_matcher_best_index(const PasarLocaleMatcher *matcher, const char *const *desiredTags,
                                            int32_t count, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    std::vector<icu::Locale> desired;
    desired.reserve(count);
    for (int32_t index = 0; index < count; index++) {
        desired.push_back(icu::Locale::forLanguageTag(desiredTags[index], code));
        if (U_FAILURE(code)) {
            *status = code;
            return -1;
        }
    }
    icu::Locale::RangeIterator<std::vector<icu::Locale>::const_iterator> iterator(desired.begin(), desired.end());
    auto result = matcher->matcher.getBestMatchResult(iterator, code);
    *status = code;
    if (U_FAILURE(code)) { return -1; }
    return result.getSupportedIndex();
}
