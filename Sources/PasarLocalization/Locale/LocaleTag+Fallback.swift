internal import CICUShim

extension LocaleTag {
    /// The next locale to try when data for this one is missing, following CLDR:
    /// explicit parents first (`es-MX → es-419`, `en-IN → en-001`, `zh-Hant → root`), then truncation
    /// (`de-AT → de`). Keywords such as `-u-nu-deva` are dropped. Root has no parent.
    public var parent: LocaleTag? {
        if isRoot { return nil }
        let base = baseICUID
        if base != icuID { return LocaleTag(trustedICUID: base) }
        var explicit = [CChar](repeating: 0, count: 64)
        let explicitLength = pasar_ures_explicit_parent(base, &explicit, 64)
        if explicitLength > 0 {
            return LocaleTag(trustedICUID: String(decoding: explicit[0..<Int(explicitLength)].map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        let truncated = (try? ICUCall.chars("uloc_getParent") { pasar_uloc_truncated_parent(base, $0, $1, $2) }) ?? ""
        return LocaleTag(trustedICUID: truncated.isEmpty ? "root" : truncated)
    }

    /// This locale and its parents up to and including root: `de-AT`, `de`, `und`.
    public var fallbackChain: [LocaleTag] {
        var chain = [self]
        while let next = chain.last?.parent, chain.count < 16 { chain.append(next) }
        return chain
    }

    /// The ICU id without `@keywords`.
    var baseICUID: String {
        guard let at = icuID.firstIndex(of: "@") else { return icuID }
        return String(icuID[..<at])
    }
}
