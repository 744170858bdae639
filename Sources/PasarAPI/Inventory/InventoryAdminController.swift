import Foundation
import Hummingbird
import PasarMarkets
import PasarStorage

/// Merchant stock routes behind the admin key: adjustments as deltas with a reason, and the stock
/// of a SKU at every location with its latest movements.
struct InventoryAdminController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("/inventory/adjustments", use: adjust)
        group.get("/inventory/:sku", use: stock)
    }

    struct AdjustmentInput: Decodable {
        let location: String
        let sku: String
        let delta: Int64
        let reason: String
        let note: String?
    }

    @Sendable func adjust(request: Request, context: AppRequestContext) async throws -> EditedResponse<StockLevelView> {
        let input = try await request.decode(as: AdjustmentInput.self, context: context)
        guard let location = services.markets.snapshot.stockLocation(id: input.location) else {
            throw Problem.invalidField("location", "'\(input.location)' is not a store or warehouse of any market")
        }
        let level = try await services.inventory.adjust(
            try await StockAdjustmentRules(services: services).adjustment(
                location: location.id, sku: input.sku, delta: input.delta, reason: input.reason, note: input.note, actor: "admin"))
        context.logger.info(
            "stock adjusted", metadata: ["stock.location": "\(location.id)", "stock.sku": "\(input.sku)", "stock.delta": "\(input.delta)"])
        return StockLevelView(level, location: location).reply(.created)
    }

    @Sendable func stock(request: Request, context: AppRequestContext) async throws -> SKUStockView {
        let sku = try context.parameters.require("sku")
        guard try await services.catalog.productID(sku: sku) != nil else { throw Problem.notFound("SKU '\(sku)'", field: "sku") }
        let limit = try QueryValues(request: request).integer("movements", default: 20, range: 0...200)
        let snapshot = services.markets.snapshot
        let levels = try await services.inventory.levels(sku: sku).compactMap { level in
            snapshot.stockLocation(id: level.location).map { StockLevelView(level, location: $0) }
        }
        let movements = try await services.inventory.movements(sku: sku, location: nil, limit: limit).map(StockMovementView.init)
        return SKUStockView(sku: sku, levels: levels, movements: movements)
    }
}
