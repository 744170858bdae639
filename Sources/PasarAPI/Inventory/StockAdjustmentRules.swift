import PasarStorage

/// The checks of a stock adjustment, wherever it is made (the back office for any location, a
/// store's till for its own), each refusal naming the field.
struct StockAdjustmentRules {
    let services: APIServices

    func adjustment(location: String, sku: String, delta: Int64, reason text: String, note: String?, actor: String) async throws -> StockAdjustment {
        guard try await services.catalog.productID(sku: sku) != nil else {
            throw Problem.invalidField("sku", "'\(sku)' is not the SKU of a product variant")
        }
        guard delta != 0, (-1_000_000...1_000_000).contains(delta) else {
            throw Problem.invalidField("delta", "must be a whole number of units from -1000000 to 1000000, not 0")
        }
        guard let reason = StockReason(rawValue: text), StockReason.manual.contains(reason) else {
            throw Problem.invalidField("reason", "must be one of \(StockReason.manual.map(\.rawValue).joined(separator: ", "))")
        }
        if let note, note.count > 500 { throw Problem.invalidField("note", "must be at most 500 characters") }
        return StockAdjustment(location: location, sku: sku, delta: delta, reason: reason, note: note, actor: actor)
    }
}
