/// One parsed `Accept-Language` header (RFC 9110 §12.5.4): language ranges ordered by preference.
///
/// `"de-CH, fr;q=0.8, *;q=0.1"` gives `de-CH`, `fr` and a wildcard. Malformed entries are skipped
/// rather than failing the request, since browsers send what they send.
public struct AcceptLanguage: Sendable, Equatable {
    /// Acceptable locales, most preferred first (q > 0, stable for equal q).
    public let preferred: [LocaleTag]
    /// Locales the client refused with `q=0`.
    public let refused: [LocaleTag]
    /// True when `*` was accepted with q > 0: any language will do.
    public let acceptsAny: Bool

    public init(_ header: String) {
        var ranked: [(tag: LocaleTag, quality: Int)] = []
        var refused: [LocaleTag] = []
        var acceptsAny = false
        for item in header.split(separator: ",").prefix(32) {
            let parts = item.split(separator: ";").map { String($0).trimmingASCIIWhitespace() }
            guard let range = parts.first, !range.isEmpty else { continue }
            var quality = 1000
            for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                guard let parsed = Self.parseQuality(String(parameter.dropFirst(2))) else {
                    quality = -1
                    break
                }
                quality = parsed
            }
            guard quality >= 0 else { continue }
            if range == "*" {
                acceptsAny = quality > 0
                continue
            }
            guard let tag = try? LocaleTag(range) else { continue }
            if quality == 0 { refused.append(tag) } else { ranked.append((tag, quality)) }
        }
        // `sorted` is not guaranteed stable, so sort on (quality, position).
        let ordered = ranked.enumerated().sorted { lhs, rhs in
            lhs.element.quality != rhs.element.quality ? lhs.element.quality > rhs.element.quality : lhs.offset < rhs.offset
        }
        self.preferred = ordered.map(\.element.tag)
        self.refused = refused
        self.acceptsAny = acceptsAny
    }

    /// Parses a q-value (`1`, `0.8`, `0.125`) into thousandths; nil when malformed or above 1.
    private static func parseQuality(_ text: String) -> Int? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, whole == "0" || whole == "1" else { return nil }
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        guard fraction.count <= 3, fraction.allSatisfy(\.isASCIIDigit) else { return nil }
        let thousandths = Int(whole)! * 1000 + (Int(fraction.padding(toLength: 3)) ?? 0)
        return thousandths <= 1000 ? thousandths : nil
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    func padding(toLength length: Int) -> String { self + String(repeating: "0", count: max(0, length - count)) }
}
