public import PasarMarkets
public import PasarStorage

/// The demo inventory `pasar serve --demo` starts with: warehouses hold 40 of every SKU; stores
/// hold 0 to 6, varying by SKU and store (a stable hash), so availability shows real differences.
public enum DemoStock {
    public static func seed(_ inventory: any InventoryStore, markets: MarketSnapshot) async throws -> Int {
        guard try await inventory.isEmpty() else { return 0 }
        let locations = markets.markets.flatMap(\.stockLocations)
        let warehouses = Set(locations.filter { $0.kind == .warehouse }.map(\.id))
        return try await inventory.seedDemoStock(locations: locations.map(\.id)) { sku, location in
            warehouses.contains(location) ? 40 : Int64(stableHash("\(sku)@\(location)") % 7)
        }
    }

    /// FNV-1a: the same on every run (Swift's `hashValue` is seeded per process).
    static func stableHash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }
}
