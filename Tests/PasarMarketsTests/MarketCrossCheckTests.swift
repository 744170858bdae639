import PasarCore
import PasarMarkets
import Testing

@Suite("Checks across market files: derived prices, countries, stores")
struct MarketCrossCheckTests {
    @Test func derivedChainsUseTheRatesFileAndInlineRates() throws {
        let directory = try MarketDirectory()
        try directory.write("rates.yaml", "rates:\n  EUR/SEK: \"11.48\"\n")
        try directory.write("de.yaml", marketFile("de", country: "DE"))
        try directory.write("se.yaml", marketFile("se", country: "SE", currency: "SEK", extra: "prices: {source: derived, from: de, ending: whole}\n"))
        try directory.write(
            "no.yaml", marketFile("no", country: "NO", currency: "NOK", extra: "prices: {source: derived, from: se, rate: \"0.98\", ending: \".90\"}\n"))
        try directory.write("at.yaml", marketFile("at", country: "AT", extra: "prices: {source: derived, from: de}\n"))
        let snapshot = try MarketRegistry(directory: directory.path).snapshot
        #expect(snapshot.market(code: "se")?.priceSource.summary == "derived from de at 11.48 (whole)")
        #expect(snapshot.market(code: "no")?.priceSource.summary == "derived from se at 0.98 (.90)")
        #expect(snapshot.market(code: "at")?.priceSource.summary == "derived from de at 1 (none)", "same currency needs no rate")
    }

    @Test func aLongerCycleIsReportedInEveryMarketOnIt() throws {
        let directory = try MarketDirectory()
        for (code, from, country) in [("aa", "bb", "AT"), ("bb", "cc", "BE"), ("cc", "aa", "CY"), ("dd", "aa", "DK")] {
            try directory.write("\(code).yaml", marketFile(code, country: country, extra: "prices: {source: derived, from: \(from)}\n"))
        }
        let issues = MarketLoader.load(directory: directory.path).issues
        #expect(issues.map(\.description) == [
            "aa.yaml: prices.from: derived prices form a cycle: aa → bb → cc → aa",
            "bb.yaml: prices.from: derived prices form a cycle: bb → cc → aa → bb",
            "cc.yaml: prices.from: derived prices form a cycle: cc → aa → bb → cc",
        ])
    }

    @Test func aMarketDerivedFromItselfIsACycle() throws {
        let directory = try MarketDirectory()
        try directory.write("aa.yaml", marketFile("aa", country: "AT", extra: "prices: {source: derived, from: aa}\n"))
        #expect(MarketLoader.load(directory: directory.path).issues.map(\.path) == ["prices.from"])
    }

    @Test func aBrokenSourceIsNotAlsoReportedAsMissing() throws {
        let directory = try MarketDirectory()
        try directory.write("de.yaml", marketFile("de", country: "DE", currency: "EURO"))
        try directory.write("at.yaml", marketFile("at", country: "AT", extra: "prices: {source: derived, from: de}\n"))
        #expect(MarketLoader.load(directory: directory.path).issues.map(\.description) == [
            "de.yaml: currency: 'EURO' is not an ISO 4217 currency code in use, such as EUR"
        ])
    }

    @Test func storeIdsAreUniqueAcrossMarkets() throws {
        let directory = try MarketDirectory()
        func store(in country: String) -> String {
            "stores:\n  - {id: main, name: Main, address: Street 1, country: \(country), pickup: true}\n"
        }
        try directory.write("aa.yaml", marketFile("aa", country: "AT", extra: store(in: "AT")))
        try directory.write("bb.yaml", marketFile("bb", country: "BE", extra: store(in: "BE")))
        #expect(MarketLoader.load(directory: directory.path).issues.map(\.description) == [
            "bb.yaml: stores[0].id: store id 'main' is already used in market aa"
        ])
    }
}
