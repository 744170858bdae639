import Foundation
import PasarMarkets
import PasarTestSupport
import Testing

/// A scratch copy of the shipped market files.
private func copyOfShippedMarkets() throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("markets-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for file in try FileManager.default.contentsOfDirectory(atPath: shippedMarkets) where file.hasSuffix(".yaml") {
        try FileManager.default.copyItem(atPath: "\(shippedMarkets)/\(file)", toPath: "\(directory)/\(file)")
    }
    return directory
}

private let portugal = """
    code: pt
    extends: _eu-base
    name: {pt: Portugal, en: Portugal}
    countries: [PT]
    currency: EUR
    languages: [pt-PT, en]
    tax:
      rates: {standard: "23", reduced: "6", zero: "0"}
    """

@Suite("Adding a market is adding a file")
struct MarketReloadTests {
    @Test func aNewFileIsServedAfterReload() throws {
        let directory = try copyOfShippedMarkets()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let registry = try MarketRegistry(directory: directory)
        #expect(registry.snapshot.market(code: "pt") == nil)
        try portugal.write(toFile: "\(directory)/pt.yaml", atomically: true, encoding: .utf8)
        guard case .reloaded(let codes) = registry.reload() else {
            Issue.record("reload refused a valid file")
            return
        }
        #expect(codes.contains("pt"))
        let market = try #require(registry.snapshot.market(code: "pt"))
        #expect(market.tax.rates["standard"]?.description == "23")
        #expect(market.tax.mode == .inclusive, "inherited from _eu-base.yaml")
        #expect(registry.snapshot.market(country: "PT")?.code == "pt")
    }

    @Test func aBrokenEditKeepsTheMarketsInService() throws {
        let directory = try copyOfShippedMarkets()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let registry = try MarketRegistry(directory: directory)
        let before = registry.snapshot.markets.map(\.code)
        try portugal.replacingOccurrences(of: "currency: EUR", with: "currency: EURO")
            .write(toFile: "\(directory)/pt.yaml", atomically: true, encoding: .utf8)
        try "code: ch\ncountries: [CH\n".write(toFile: "\(directory)/ch.yaml", atomically: true, encoding: .utf8)
        guard case .rejected(let issues) = registry.reload() else {
            Issue.record("reload accepted broken files")
            return
        }
        #expect(Set(issues.map(\.file)) == ["pt.yaml", "ch.yaml"], "every broken file is reported")
        #expect(registry.snapshot.markets.map(\.code) == before)
        #expect(registry.snapshot.market(code: "ch")?.currency.code == "CHF")
    }
}
