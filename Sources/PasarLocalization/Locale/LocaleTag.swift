internal import CICUShim

/// A validated, canonical locale: a BCP-47 tag for people and APIs, an ICU id for ICU.
///
/// ```swift
/// let tag = try LocaleTag("en_us")            // identifier "en-US", icuID "en_US"
/// try LocaleTag("hi-IN-u-nu-deva").icuID      // "hi_IN@numbers=deva"
/// try LocaleTag("de-AT").fallbackChain         // de-AT, de, und (root)
/// ```
public struct LocaleTag: Hashable, Sendable, CustomStringConvertible, Codable {
    /// Canonical BCP-47 tag, e.g. `de-CH`, `zh-Hant-HK`, `hi-IN-u-nu-deva`; root is `und`.
    public let identifier: String
    /// ICU's locale id for the same locale, e.g. `de_CH`, `hi_IN@numbers=deva`; root is `root`.
    public let icuID: String

    /// The root locale, CLDR's last fallback.
    public static let root = LocaleTag(identifier: "und", icuID: "root")

    /// Canonicalizes and validates `text` (`en_us`, `EN-us` and `en-US` are the same locale).
    /// Throws `invalidLocale` for malformed tags and for languages or regions ICU does not know.
    public init(_ text: String) throws(LocalizationError) {
        let cleaned = text.trimmingASCIIWhitespace().replacingUnderscores()
        guard !cleaned.isEmpty, cleaned.utf8.count <= 64,
            cleaned.utf8.allSatisfy({ $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") })
        else { throw .invalidLocale(text) }
        var parsedLength: Int32 = 0
        let parsed = try? ICUCall.chars("uloc_forLanguageTag", capacity: 128) {
            pasar_uloc_for_language_tag(cleaned, $0, $1, &parsedLength, $2)
        }
        guard let parsed, !parsed.isEmpty, Int(parsedLength) == cleaned.utf8.count else { throw .invalidLocale(text) }
        // The round trip through a BCP-47 tag also replaces deprecated codes (`iw` → `he`).
        guard let identifier = try? ICUCall.chars("uloc_toLanguageTag", capacity: 128, { pasar_uloc_to_language_tag(parsed, $0, $1, $2) }),
            let canonical = try? ICUCall.chars("uloc_forLanguageTag", capacity: 128, { pasar_uloc_for_language_tag(identifier, $0, $1, nil, $2) }),
            Self.isKnown(icuID: canonical)
        else { throw .invalidLocale(text) }
        self.init(identifier: identifier, icuID: canonical)
    }

    private init(identifier: String, icuID: String) {
        self.identifier = identifier
        self.icuID = icuID
    }

    /// Builds a tag from an ICU locale id already known to be valid (parents, ICU results).
    init(trustedICUID icuID: String) {
        if icuID == "root" || icuID.isEmpty {
            self = .root
            return
        }
        let identifier = (try? ICUCall.chars("uloc_toLanguageTag", capacity: 128) { pasar_uloc_to_language_tag(icuID, $0, $1, $2) }) ?? icuID
        self.init(identifier: identifier, icuID: icuID)
    }

    public var description: String { identifier }

    public var isRoot: Bool { icuID == "root" }

    /// ISO 639 language code (`de`), empty for root.
    public var language: String { component(pasar_uloc_language) }
    /// ISO 15924 script code (`Hant`) when the tag names one.
    public var script: String? { component(pasar_uloc_script).nilIfEmpty }
    /// ISO 3166 region or UN M.49 area (`CH`, `419`) when the tag names one.
    public var region: String? { component(pasar_uloc_country).nilIfEmpty }

    /// True for locales written right to left (Arabic, Hebrew, Persian, Urdu…).
    public var isRightToLeft: Bool { pasar_uloc_is_right_to_left(icuID) != 0 }

    private func component(
        _ getter: (UnsafePointer<CChar>, UnsafeMutablePointer<CChar>, Int32, UnsafeMutablePointer<Int32>) -> Int32
    ) -> String {
        (try? ICUCall.chars("uloc_get…", capacity: 16) { getter(icuID, $0, $1, $2) }) ?? ""
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(identifier)
    }
}

extension LocaleTag {
    private static let isoLanguages: Set<String> = codeList(pasar_uloc_iso_languages())
    private static let isoRegions: Set<String> = codeList(pasar_uloc_iso_countries())

    /// True for an upper-case ISO 3166-1 alpha-2 region code ICU knows (`DE`, `LI`; not `QQ`).
    public static func isKnownRegion(_ code: String) -> Bool { code.count == 2 && isoRegions.contains(code) }

    /// The language must be an ISO 639 code ICU lists, and the region (if any) an ISO 3166 code or an M.49 number.
    private static func isKnown(icuID: String) -> Bool {
        let tag = LocaleTag(identifier: "", icuID: icuID)
        guard isoLanguages.contains(tag.language) else { return false }
        guard let region = tag.region else { return true }
        return isoRegions.contains(region) || (region.count == 3 && region.utf8.allSatisfy { $0 >= 48 && $0 <= 57 })
    }

    private static func codeList(_ list: UnsafePointer<UnsafePointer<CChar>?>?) -> Set<String> {
        var codes = Set<String>()
        var cursor = list
        while let entry = cursor?.pointee {
            codes.insert(String(cString: entry))
            cursor = cursor?.advanced(by: 1)
        }
        return codes
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }

    func trimmingASCIIWhitespace() -> String {
        let isSpace = { (c: Character) in c == " " || c == "\t" || c == "\n" || c == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }

    func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}

extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        (48...57).contains(self) || (65...90).contains(self) || (97...122).contains(self)
    }
}
