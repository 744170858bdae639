import PasarLocalization
import Testing

@Suite("Formatting from many tasks at once")
struct ConcurrencyTests {
    @Test func sharedFormattersAreThreadSafe() async throws {
        let cases = CurrencyCase.all.filter { $0.usage == "standard" }
        let mismatches = try await withThrowingTaskGroup(of: Int.self) { group in
            for worker in 0..<16 {
                group.addTask {
                    var mismatches = 0
                    for round in 0..<200 {
                        let fixture = cases[(worker * 31 + round * 7) % cases.count]
                        let formatted = try NumberFormatting.shared.currency(
                            fixture.amount, code: fixture.currency, locale: LocaleTag(fixture.locale))
                        let category = try PluralRules.shared.category(of: round, locale: LocaleTag("pl"))
                        let sorted = try Collator.shared(for: LocaleTag("sv")).sorted(["ö", "z", "a"])
                        if formatted != fixture.expected || sorted != ["a", "z", "ö"] || category.rawValue.isEmpty {
                            mismatches += 1
                        }
                    }
                    return mismatches
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }
}
