import PasarMarkets
import PasarTestSupport
import Testing

struct ExpectedIssue: Decodable, Sendable, Hashable {
    let file: String
    let path: String
    let message: String
}

@Suite("Broken market files: every problem, once, with file and field")
struct InvalidMarketsTests {
    let result = MarketLoader.load(directory: Fixtures.path("markets-invalid"))
    let expected = Fixtures.decode([ExpectedIssue].self, from: "markets-invalid/expected.json")

    @Test func reportsExactlyTheExpectedProblems() {
        let found = Set(result.issues.map { "\($0.file) \($0.path)" })
        let wanted = Set(expected.map { "\($0.file) \($0.path)" })
        #expect(found == wanted, "unexpected: \(found.subtracting(wanted).sorted()); missing: \(wanted.subtracting(found).sorted())")
        #expect(result.issues.count == expected.count)
    }

    @Test func messagesSayWhatIsWrong() {
        for issue in expected {
            let match = result.issues.first { $0.file == issue.file && $0.path == issue.path }
            #expect(match?.message.contains(issue.message) == true, "\(issue.file) \(issue.path): \(match?.message ?? "nothing")")
        }
    }

    @Test func aBrokenDirectoryDoesNotLoad() {
        #expect(throws: MarketLoadError.self) { try MarketRegistry(directory: Fixtures.path("markets-invalid")) }
    }
}
