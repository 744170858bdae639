import Foundation
import PasarTestSupport
import Testing

@Suite("pasar markets")
struct MarketsCommandTests {
    @Test func validatesTheShippedMarkets() throws {
        let output = try CommandRunner.run(["markets", "validate"])
        #expect(output.status == 0, "\(output.standardError)")
        #expect(output.standardOutput.hasPrefix("14 markets valid: ae, at, ch, de"))
    }

    @Test func findsTheShippedFilesFromAnyDirectory() throws {
        let output = try CommandRunner.run(["markets", "validate"], in: FileManager.default.temporaryDirectory.path)
        #expect(output.status == 0, "\(output.standardError)")
        #expect(output.standardOutput.hasPrefix("14 markets valid: ae, at, ch, de"))
    }

    @Test func reportsEveryProblemAndFails() throws {
        let output = try CommandRunner.run(["markets", "validate", "Fixtures/markets-invalid"])
        #expect(output.status != 0)
        #expect(output.standardError.contains("typo.yaml: curency: unknown field (did you mean 'currency'?)"))
        #expect(output.standardError.contains("bad-tax.yaml: tax.rates.standard: 120 % is outside 0–100 %"))
        #expect(output.standardError.contains("31 problems in Fixtures/markets-invalid"))
    }

    @Test func reportsAMarketLanguageWithoutAMessageCatalog() throws {
        let output = try CommandRunner.run(["markets", "validate"])
        #expect(!output.standardError.contains("no message catalog"), "every shipped language has a catalog: \(output.standardError)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pasar-messages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for language in ["en", "de"] {
            try FileManager.default.copyItem(atPath: "\(Fixtures.repositoryRoot)/Locales/messages/\(language).yaml", toPath: folder.appendingPathComponent("\(language).yaml").path)
        }
        let partial = try CommandRunner.run(["markets", "validate", "--messages", folder.path])
        #expect(partial.status == 0, "a missing catalog is reported, not fatal: \(partial.standardError)")
        #expect(partial.standardError.contains("warning: market se: sv-SE has no message catalog in \(folder.path) (add sv.yaml); its customers read English"))
        #expect(partial.standardError.contains("warning: market ch: fr-CH has no message catalog"))
        #expect(!partial.standardError.contains("de-CH"), "de-CH is served by de.yaml")
        #expect(!partial.standardError.contains("en-GB"), "English variants are served by en.yaml")
    }

    @Test func listsATable() throws {
        let output = try CommandRunner.run(["markets", "list"])
        let lines = output.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix("CODE  COUNTRIES  CURRENCY  LANGUAGES") == true)
        #expect(lines.contains { $0.hasPrefix("se ") && $0.contains("derived from de at 11.48 (whole)") })
        #expect(lines.contains { $0.hasPrefix("us ") && $0.contains("exclusive") })
    }

    @Test func showsAResolvedMarketWithLocalizedExamples() throws {
        let output = try CommandRunner.run(["markets", "show", "ch"])
        #expect(output.status == 0)
        #expect(output.standardOutput.contains("rounding    half-even per line, 2 digits shown; cash step 0.05 half-up"))
        #expect(output.standardOutput.contains("example     de-CH    CHF\u{00A0}1’234.50   cash 10.03 → CHF\u{00A0}10.05"))
        #expect(output.standardOutput.contains("example     fr-CH    1\u{202F}234.50\u{00A0}CHF"))
        let unknown = try CommandRunner.run(["markets", "show", "xx"])
        #expect(unknown.status != 0)
        #expect(unknown.standardError.contains("there is no market 'xx'"))
    }
}
