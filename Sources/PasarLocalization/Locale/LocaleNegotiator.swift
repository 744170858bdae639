internal import CICUShim

#if canImport(Glibc)
internal import Glibc
#else
internal import Darwin
#endif

/// Picks the best of a fixed list of supported locales for what a client asked for, using CLDR's
/// language matching (ICU `LocaleMatcher`): `de-AT` gets `de`, `en-AU` gets `en-GB` over `en-US`,
/// `zh-TW` gets `zh-Hant`. The first supported locale is the default.
///
/// Immutable and safe to share between requests (ICU documents `LocaleMatcher` as immutable).
public final class LocaleNegotiator: Sendable {
    /// The supported locales, default first.
    public let supported: [LocaleTag]
    // ICU's LocaleMatcher is immutable after building; only `const` methods are called on it,
    // so sharing the pointer between threads is safe. Owned here and freed in `deinit`.
    private nonisolated(unsafe) let matcher: OpaquePointer

    /// Throws `invalidLocale` when `supported` is empty.
    public init(supported: [LocaleTag]) throws(LocalizationError) {
        guard !supported.isEmpty else { throw .invalidLocale("(empty list of supported locales)") }
        var status: Int32 = 0
        let matcher = withCStringArray(supported.map(\.identifier)) { tags, count in
            pasar_matcher_open(tags, count, &status)
        }
        guard let matcher, status <= 0 else { throw .icu("LocaleMatcher.Builder", code: status) }
        self.supported = supported
        self.matcher = matcher
    }

    deinit { pasar_matcher_close(matcher) }

    public var defaultLocale: LocaleTag { supported[0] }

    /// The supported locale closest to `desired`, or nil when none is close enough.
    public func bestMatch(for desired: [LocaleTag]) -> LocaleTag? {
        guard !desired.isEmpty else { return nil }
        var status: Int32 = 0
        let index = withCStringArray(desired.map(\.identifier)) { tags, count in
            pasar_matcher_best_index(matcher, tags, count, &status)
        }
        guard status <= 0, index >= 0, Int(index) < supported.count else { return nil }
        return supported[Int(index)]
    }

    /// Negotiates an `Accept-Language` header; falls back to the default when nothing matches
    /// (or, with `*`, to the first supported locale the client did not refuse).
    public func negotiate(acceptLanguage header: String?) -> LocaleTag {
        guard let header else { return defaultLocale }
        let accepted = AcceptLanguage(header)
        if let match = bestMatch(for: accepted.preferred) { return match }
        if accepted.acceptsAny, let allowed = supported.first(where: { !accepted.refused.contains($0) }) {
            return allowed
        }
        return defaultLocale
    }
}

/// Runs `body` with NUL-terminated copies of `values` laid out as the `const char *const *` ICU shims take.
func withCStringArray<Result, Failure: Error>(
    _ values: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>, Int32) throws(Failure) -> Result
) throws(Failure) -> Result {
    let copies = values.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    let pointers = copies.map { UnsafePointer($0) } + [nil]
    let buffer = pointers.withUnsafeBufferPointer { $0 }
    return try withExtendedLifetime(pointers) { () throws(Failure) -> Result in
        try body(buffer.baseAddress!, Int32(values.count))
    }
}
