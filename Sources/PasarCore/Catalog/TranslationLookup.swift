/// Picks the best available translation for a language fallback chain.
///
/// With translations in `de` and `en` and the chain `de-CH, de, und`, `de` wins; with only `en`
/// and `fr`, the first of `fallbackLanguages` present (the market's default language, then `en`).
public enum TranslationLookup {
    /// Returns the key and value chosen, or nil when `translations` is empty.
    public static func best<Value>(
        in translations: [String: Value], chain: [String], fallbackLanguages: [String] = ["en"]
    ) -> (language: String, value: Value)? {
        for language in chain + fallbackLanguages {
            if let value = translations[language] { return (language, value) }
        }
        guard let first = translations.keys.sorted().first, let value = translations[first] else { return nil }
        return (first, value)
    }
}
