import Foundation
import PasarTestSupport
import Testing

/// `pasar markets new CC`: a starting market file from CLDR, compared byte for byte with
/// `Fixtures/markets-new/`, whose TODOs `markets validate` then reports one by one.
@Suite("pasar markets new")
struct MarketsNewCommandTests {
    @Test(arguments: ["no", "ch", "jp", "de"])
    func writesTheExpectedFile(country: String) throws {
        let output = try CommandRunner.run(["markets", "new", country.uppercased()])
        #expect(output.status == 0, "\(output.standardError)")
        let expected = try String(contentsOfFile: Fixtures.path("markets-new/\(country).yaml"), encoding: .utf8)
        #expect(output.standardOutput == expected)
    }

    @Test func validateListsEveryPlaceholderLeft() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pasar-markets-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for country in ["NO", "DE"] {
            let file = folder.appendingPathComponent("\(country.lowercased()).yaml").path
            let written = try CommandRunner.run(["markets", "new", country, "--out", file])
            #expect(written.status == 0, "\(written.standardError)")
            #expect(written.standardOutput == "wrote \(file) (market \(country.lowercased())); fill in its TODOs, then run pasar markets validate\n")
        }
        let output = try CommandRunner.run(["markets", "validate", folder.path])
        #expect(output.status != 0)
        let placeholders = ["tax.mode", "tax.rates.standard", "tax.rates.reduced", "prices.source", "shipping", "stores", "warehouses"]
        let expected =
            placeholders.map { "de.yaml: \($0): is TODO: fill it in as the comment beside it says" }
            + ["de.yaml: time_zone: is TODO: fill it in as the comment beside it says"]
            + placeholders.map { "no.yaml: \($0): is TODO: fill it in as the comment beside it says" }
        let reported = output.standardError.split(separator: "\n").map(String.init)
        #expect(Set(reported.dropLast()) == Set(expected), "\(output.standardError)")
        #expect(reported.last == "\(expected.count) problems in \(folder.path)")
    }

    @Test func refusesToOverwriteAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pasar-markets-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("jp.yaml").path
        try Data("mine".utf8).write(to: URL(fileURLWithPath: file))
        let output = try CommandRunner.run(["markets", "new", "JP", "--out", file])
        #expect(output.status != 0)
        #expect(output.standardError.contains("\(file) already exists"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "mine")
    }

    @Test(arguments: ["XX", "Norway", "N1"])
    func refusesAnUnknownCountry(code: String) throws {
        let output = try CommandRunner.run(["markets", "new", code])
        #expect(output.status != 0)
        #expect(output.standardError.contains("'\(code)' is not an ISO 3166-1 alpha-2 country code ICU knows, such as NO, CH or JP"), "\(output.standardError)")
        #expect(output.standardOutput.isEmpty)
    }
}

extension MarketsNewCommandTests {
    @Test func aCountryCLDRKnowsTooLittleAboutIsLeftToWriteByHand() throws {
        let output = try CommandRunner.run(["markets", "new", "AQ"])
        #expect(output.status != 0)
        #expect(output.standardError.contains("CLDR does not know the language or currency of AQ"), "\(output.standardError)")
        #expect(output.standardError.contains("write its market file by hand, see Locales/markets/README.md"))
    }
}
