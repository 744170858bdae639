import FoundationEssentials
import PasarLocalization
import PasarMarkets
import PasarTestSupport
import Testing

/// A message the shipped catalogs must produce, written out by hand in `Fixtures/messages/`.
struct MessageExpectation: Decodable, Sendable, CustomTestStringConvertible {
    let language: String
    let key: String
    let arguments: [String: FixtureArgument]
    let expected: String

    var testDescription: String { "\(language) \(key) \(arguments.keys.sorted().map { "\($0)=\(arguments[$0]!)" }.joined(separator: " "))" }
}

/// A JSON number is a number argument (plurals), `{"date": milliseconds}` a date, a JSON string text.
enum FixtureArgument: Decodable, Sendable, CustomStringConvertible {
    case number(String)
    case date(Int64)
    case text(String)

    private struct DateValue: Decodable {
        let date: Int64
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            self = .number(String(number))
        } else if let date = try? container.decode(DateValue.self) {
            self = .date(date.date)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    var messageArgument: MessageArgument {
        switch self {
        case .number(let value): .number(value)
        case .date(let milliseconds): .date(millisecondsSince1970: milliseconds)
        case .text(let value): .text(value)
        }
    }

    var description: String {
        switch self {
        case .number(let value), .text(let value): value
        case .date(let milliseconds): "date:\(milliseconds)"
        }
    }
}

private let shippedDirectory = "\(Fixtures.repositoryRoot)/Locales/messages"
private let shipped = Result { try MessageCatalog.load(directory: shippedDirectory) }

private let expectations: [MessageExpectation] = {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.path("messages"))) ?? []
    return files.filter { $0.hasSuffix(".json") }.sorted().flatMap { Fixtures.decode([MessageExpectation].self, from: "messages/\($0)") }
}()

@Suite("Message catalogs: ICU MessageFormat in every shipped language")
struct MessageCatalogTests {
    @Test func theShippedCatalogsLoad() throws {
        let catalog = try shipped.get()
        #expect(Set(["ar", "de", "en", "fr", "hi", "id", "it", "ja", "sv", "th", "tr"]).isSubset(of: catalog.languages))
    }

    @Test(arguments: expectations)
    func formatsLikeTheFixture(_ expectation: MessageExpectation) throws {
        let catalog = try shipped.get()
        let text = try catalog.format(
            expectation.key, language: LocaleTag(expectation.language),
            arguments: expectation.arguments.mapValues(\.messageArgument))
        #expect(text == expectation.expected)
    }

    /// A shipped language must not silently fall back to English for some of its messages.
    @Test func everyShippedLanguageHasEveryKey() throws {
        let catalog = try shipped.get()
        let english = catalog.keys
        #expect(english.contains("order_shipped") && english.contains("voucher_minimum_not_met"))
        let englishTag = try LocaleTag("en")
        for language in catalog.languages {
            let tag = try LocaleTag(language)
            for key in english.sorted() {
                let own = catalog.pattern(for: key, language: tag)
                let fallback = catalog.pattern(for: key, language: englishTag)
                #expect(own != nil && (language == "en" || own != fallback), "\(language).yaml lacks \(key)")
            }
        }
    }

    @Test func theFixturesCoverEveryEventInEveryShippedLanguage() {
        for language in ["en", "de", "fr", "tr", "id", "ja", "ar", "sv", "it", "hi", "th"] {
            #expect(expectations.contains { $0.language == language && $0.key == "order_shipped" }, "\(language)")
        }
    }

    @Test func anUnknownKeyIsATypedError() throws {
        let catalog = try shipped.get()
        #expect(throws: MessageCatalogError.unknownKey("no_such_message")) {
            try catalog.format("no_such_message", language: LocaleTag("de"))
        }
    }

    @Test func brokenFilesReportEveryProblem() throws {
        let error = #expect(throws: MessageCatalogError.self) { try MessageCatalog.load(directory: Fixtures.path("messages-invalid")) }
        let issues = error.map(Self.issues) ?? []
        #expect(issues.contains { $0.hasPrefix("de.yaml: order_shipped: ICU cannot read the pattern") }, "\(issues)")
        #expect(issues.contains { $0.hasPrefix("de.yaml: order_shiped: unknown key") }, "\(issues)")
        #expect(issues.contains { $0.hasPrefix("english.yaml: 'english' is not a language tag") }, "\(issues)")
        #expect(issues.contains { $0.hasPrefix("tr.yaml: order_shipped: must be a single value") }, "\(issues)")
        #expect(issues.count == 4, "\(issues)")
    }

    private static func issues(_ error: MessageCatalogError) -> [String] {
        if case .invalidFiles(let issues) = error { return issues }
        return []
    }

    @Test func aDirectoryWithoutEnglishIsRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pasar-messages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("order_shipped: \"x\"\n".utf8).write(to: directory.appendingPathComponent("de.yaml"))
        #expect(throws: MessageCatalogError.invalidFiles(["en.yaml: is required: English is the last fallback"])) {
            try MessageCatalog.load(directory: directory.path)
        }
    }
}
