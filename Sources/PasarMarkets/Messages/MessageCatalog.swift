public import PasarLocalization

/// Customer-facing message patterns per language (ICU MessageFormat), read from
/// `Locales/messages/<language>.yaml`, formatted by the system ICU.
///
/// ```swift
/// let catalog = try MessageCatalog.load(directory: "Locales/messages")
/// try catalog.format("order_shipped", language: LocaleTag("en"), arguments: ["count": 3])
/// // "Your 3 items have shipped."
/// ```
///
/// A key missing in a language falls back along the language's CLDR parents (`de-CH → de`),
/// then to English, which has every key.
public struct MessageCatalog: Sendable {
    /// The language every key exists in, and the last fallback.
    public static let fallbackLanguage = "en"

    /// Patterns by BCP-47 language tag, then by key.
    private let patterns: [String: [String: String]]

    public init(patterns: [String: [String: String]]) {
        self.patterns = patterns
    }

    /// A catalog with no messages: every lookup misses.
    public static let empty = MessageCatalog(patterns: [:])

    /// The languages with a file, as BCP-47 tags, sorted.
    public var languages: [String] { patterns.keys.sorted() }

    /// Every key of the fallback language.
    public var keys: Set<String> { Set(patterns[Self.fallbackLanguage].map { Array($0.keys) } ?? []) }

    /// The pattern for `key` in `language` or the nearest language that has it; nil when no language has it.
    public func pattern(for key: String, language: LocaleTag) -> String? {
        for tag in language.fallbackChain {
            if let pattern = patterns[tag.identifier]?[key] { return pattern }
        }
        return patterns[Self.fallbackLanguage]?[key]
    }

    /// The message for `key` formatted in `language` with named arguments; throws `unknownKey`
    /// when no language has the key.
    public func format(
        _ key: String, language: LocaleTag, arguments: [String: MessageArgument] = [:]
    ) throws -> String {
        guard let pattern = pattern(for: key, language: language) else { throw MessageCatalogError.unknownKey(key) }
        return try MessageFormatter.shared.format(pattern, locale: language, arguments: arguments)
    }
}

/// Why a message could not be produced.
public enum MessageCatalogError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No language of the catalog has the key.
    case unknownKey(String)
    /// The files could not be loaded; every problem, as `file: key: message`.
    case invalidFiles([String])

    public var description: String {
        switch self {
        case .unknownKey(let key): "no message '\(key)' in any language"
        case .invalidFiles(let issues): issues.joined(separator: "\n")
        }
    }
}
