import Foundation
import PasarMarkets
import Testing

private let portugal = """
    # Portugal: a new market is a new file; nothing else changes.
    code: pt
    extends: _eu-base
    name: {pt: Portugal, en: Portugal}
    countries: [PT]
    currency: EUR
    languages: [pt-PT, en]
    tax:
      rates: {standard: "23", reduced: "6", zero: "0"}   # CIVA art. 18
    """

@Suite("Adding a market is adding a file; a bad edit keeps the markets in service")
struct MarketReloadTests {
    @Test func aNewFileIsServedAfterReload() throws {
        let directory = try MarketDirectory(copyingShippedMarkets: true)
        let registry = try MarketRegistry(directory: directory.path)
        #expect(registry.snapshot.market(code: "pt") == nil)
        try directory.write("pt.yaml", portugal)
        guard case .reloaded(let codes) = registry.reload() else {
            Issue.record("reload refused a valid file")
            return
        }
        #expect(codes.contains("pt"))
        let market = try #require(registry.snapshot.market(code: "pt"))
        #expect(market.tax.rates["standard"]?.description == "23")
        #expect(market.tax.mode == .inclusive, "inherited from _eu-base.yaml")
        #expect(market.defaultLanguage.identifier == "pt-PT")
        #expect(registry.snapshot.market(country: "PT")?.code == "pt")
        #expect(registry.snapshot.market(country: "pt")?.code == "pt", "country lookup ignores case")
    }

    @Test func aSnapshotTakenBeforeAReloadStaysAsItWas() throws {
        let directory = try MarketDirectory(copyingShippedMarkets: true)
        let registry = try MarketRegistry(directory: directory.path)
        let before = registry.snapshot
        try directory.write("pt.yaml", portugal)
        try directory.remove("tr.yaml")
        #expect(registry.reload().isReloaded)
        #expect(before.market(code: "pt") == nil && before.market(code: "tr") != nil, "a request keeps its view")
        #expect(registry.snapshot.market(code: "pt") != nil && registry.snapshot.market(code: "tr") == nil)
        #expect(registry.snapshot.market(country: "TR") == nil, "a removed market no longer claims its countries")
    }

    @Test func aBrokenEditKeepsTheMarketsInService() throws {
        let directory = try MarketDirectory(copyingShippedMarkets: true)
        let registry = try MarketRegistry(directory: directory.path)
        let before = registry.snapshot.markets
        try directory.write("pt.yaml", portugal.replacingOccurrences(of: "currency: EUR", with: "currency: EURO"))
        try directory.write("ch.yaml", "code: ch\ncountries: [CH\n")
        guard case .rejected(let issues) = registry.reload() else {
            Issue.record("reload accepted broken files")
            return
        }
        #expect(issues.map(\.file) == ["ch.yaml", "pt.yaml"], "every broken file is reported, in file order")
        #expect(issues.contains { $0.file == "pt.yaml" && $0.path == "currency" && $0.message.contains("'EURO'") })
        #expect(issues.contains { $0.file == "ch.yaml" && $0.message.hasPrefix("YAML syntax error: line 3") })
        #expect(registry.snapshot.markets == before)
        #expect(registry.snapshot.market(code: "ch")?.currency.code == "CHF")

        // Fixing the files brings the new market in.
        try directory.write("pt.yaml", portugal)
        try directory.restoreShipped("ch.yaml")
        #expect(registry.reload().isReloaded)
        #expect(registry.snapshot.market(code: "pt") != nil)
    }

    @Test func anEmptyDirectoryIsRefused() throws {
        let directory = try MarketDirectory()
        #expect(throws: MarketLoadError.self) { try MarketRegistry(directory: directory.path) }
        #expect(throws: MarketLoadError.self) { try MarketRegistry(directory: "\(directory.path)/missing") }
    }

    @Test func concurrentReloadsAndReadsAgree() async throws {
        let directory = try MarketDirectory(copyingShippedMarkets: true)
        let registry = try MarketRegistry(directory: directory.path)
        let count = registry.snapshot.markets.count
        await withTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                group.addTask {
                    if index.isMultiple(of: 2) { return registry.reload().isReloaded }
                    let snapshot = registry.snapshot
                    return snapshot.markets.count == count && snapshot.market(code: "ch") != nil
                }
            }
            for await ok in group { #expect(ok) }
        }
    }
}

extension MarketReloadResult {
    var isReloaded: Bool { if case .reloaded = self { true } else { false } }
}
