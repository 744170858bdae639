import PasarMarkets
import PasarTestSupport
import Testing

/// One line of `Fixtures/markets-invalid/expected.json`: a problem the broken files must produce.
struct ExpectedIssue: Decodable, Sendable, Hashable, CustomTestStringConvertible {
    let file: String
    let path: String
    let message: String

    var testDescription: String { "\(file) \(path)" }
}

private let brokenFiles = MarketLoader.load(directory: Fixtures.path("markets-invalid"))
private let expectedIssues = Fixtures.decode([ExpectedIssue].self, from: "markets-invalid/expected.json")

@Suite("Broken market files: every problem, once, with file and field")
struct InvalidMarketsTests {
    @Test func reportsExactlyTheExpectedProblems() {
        let found = brokenFiles.issues.map { "\($0.file) \($0.path)" }.sorted()
        let wanted = expectedIssues.map { "\($0.file) \($0.path)" }.sorted()
        #expect(found == wanted, "unexpected: \(Set(found).subtracting(wanted).sorted()); missing: \(Set(wanted).subtracting(found).sorted())")
    }

    @Test(arguments: expectedIssues)
    func saysWhatIsWrong(_ expected: ExpectedIssue) {
        let match = brokenFiles.issues.first { $0.file == expected.file && $0.path == expected.path }
        #expect(match?.message.contains(expected.message) == true, "\(match?.message ?? "nothing reported")")
    }

    @Test func reportsIssuesGroupedByFile() {
        let files = brokenFiles.issues.map(\.file)
        #expect(files == files.sorted(), "issues come file by file, in file-name order")
    }

    @Test func aBrokenDirectoryDoesNotLoad() {
        #expect(throws: MarketLoadError.self) { try MarketRegistry(directory: Fixtures.path("markets-invalid")) }
    }

    @Test func aSyntaxErrorSaysWhere() throws {
        let issue = try #require(brokenFiles.issues.first { $0.file == "syntax.yaml" })
        #expect(issue.message == "YAML syntax error: line 3, column 9: did not find expected ',' or ']' (while parsing a flow sequence at line 2)")
    }
}
