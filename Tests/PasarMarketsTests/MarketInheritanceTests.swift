import PasarMarkets
import Testing

@Suite("extends: base files merge under a market, the market wins")
struct MarketInheritanceTests {
    @Test func mappingsMergeKeyByKeyAndListsReplace() throws {
        let directory = try MarketDirectory()
        try directory.write(
            "_base.yaml",
            """
            tax: {mode: exclusive, rates: {standard: "10", reduced: "5"}}
            rounding: {mode: half-up, level: total}
            channels: [web, mobile, pos]
            """)
        try directory.write(
            "aa.yaml",
            marketFile("aa", country: "AT", extra: "extends: _base\nrounding: {level: line}\nchannels: [web]\n", omit: ["tax", "channels"])
                + "tax: {rates: {standard: \"20\"}}\n")
        let market = try #require(try MarketRegistry(directory: directory.path).snapshot.market(code: "aa"))
        #expect(market.tax.mode == .exclusive, "from the base")
        #expect(market.tax.rates["standard"]?.description == "20", "the market's own value wins")
        #expect(market.tax.rates["reduced"]?.description == "5", "sibling keys of a merged mapping stay")
        #expect(market.rounding.mode == .halfUp, "from the base")
        #expect(market.rounding.level == .line, "the market's own value wins")
        #expect(market.channels == ["web"], "a list replaces the base's list")
    }

    @Test func basesCanExtendBases() throws {
        let directory = try MarketDirectory()
        try directory.write("_world.yaml", "channels: [web, support]\nrounding: {mode: half-up}\n")
        try directory.write("_region.yaml", "extends: _world\nrounding: {mode: down}\ntax: {mode: inclusive}\n")
        try directory.write(
            "bb.yaml", marketFile("bb", country: "BE", extra: "extends: _region\ntax: {rates: {standard: \"21\"}}\n", omit: ["tax", "channels"]))
        let market = try #require(try MarketRegistry(directory: directory.path).snapshot.market(code: "bb"))
        #expect(market.channels == ["web", "support"], "from the base's base")
        #expect(market.rounding.mode == .down, "the nearer base wins")
        #expect(market.tax.mode == .inclusive)
    }

    @Test func aBaseIsNotAMarketAndAMarketIsNotABase() throws {
        let directory = try MarketDirectory()
        try directory.write("_base.yaml", "channels: [web]\n")
        try directory.write("cc.yaml", marketFile("cc", country: "CY"))
        try directory.write("dd.yaml", marketFile("dd", country: "DK", currency: "DKK", extra: "extends: cc\n"))
        let result = MarketLoader.load(directory: directory.path)
        #expect(!result.markets.map(\.code).contains("_base"))
        #expect(result.issues == [MarketValidationIssue(file: "dd.yaml", path: "extends", message: "'cc.yaml' is a market; base file names start with _")])
    }

    @Test func aMistakeInABaseIsReportedOnceInTheBase() throws {
        let directory = try MarketDirectory()
        try directory.write("_base.yaml", "tax: {mode: inclusive, rates: {standard: \"250\"}}\nchanels: [web]\n")
        for (code, country) in [("ee", "EE"), ("ff", "FI")] {
            try directory.write("\(code).yaml", marketFile(code, country: country, extra: "extends: _base\n", omit: ["tax"]))
        }
        let issues = MarketLoader.load(directory: directory.path).issues.map(\.description)
        #expect(
            issues == [
                "_base.yaml: chanels: unknown field (did you mean 'channels'?)",
                "_base.yaml: tax.rates.standard: 250 % is outside 0–100 %",
            ])
    }

    @Test func aMarketOverridingTheFaultyBaseValueIsFine() throws {
        let directory = try MarketDirectory()
        try directory.write("_base.yaml", "tax: {mode: included}\n")
        try directory.write("gg.yaml", marketFile("gg", country: "GR", extra: "extends: _base\n"))
        #expect(MarketLoader.load(directory: directory.path).issues.isEmpty, "gg sets tax.mode itself")
    }

    @Test func extendsCyclesAreReported() throws {
        let directory = try MarketDirectory()
        try directory.write("_a.yaml", "extends: _b\n")
        try directory.write("_b.yaml", "extends: _a\n")
        try directory.write("hh.yaml", marketFile("hh", country: "HR", extra: "extends: _a\n"))
        try directory.write("ii.yaml", marketFile("ii", country: "IE", extra: "extends: ii\n"))
        let issues = MarketLoader.load(directory: directory.path).issues
        #expect(issues.map(\.file) == ["_b.yaml", "ii.yaml"])
        #expect(issues.allSatisfy { $0.path == "extends" && $0.message.contains("leads back to itself") })
    }
}
