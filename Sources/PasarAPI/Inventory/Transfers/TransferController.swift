import Foundation
import Hummingbird
import PasarMarkets
import PasarStorage

/// Stock transfers between two locations of a market: the admin key, or a staff key of the store
/// the step concerns (the source requests, ships and cancels; the destination receives). Staff name
/// themselves in `Pasar-Operator`; their steps go into the store's audit log.
struct TransferController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("/transfers", use: create)
        group.get("/transfers", use: list)
        group.get("/transfers/:transfer", use: get)
        group.post("/transfers/:transfer/ship", use: ship)
        group.post("/transfers/:transfer/receive", use: receive)
        group.post("/transfers/:transfer/cancel", use: cancel)
    }

    struct TransferInput: Decodable {
        struct Line: Decodable {
            let sku: String
            let quantity: Int64
        }

        let from: String
        let to: String
        let lines: [Line]
        let note: String?
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> EditedResponse<TransferView> {
        let input = try await request.decode(as: TransferInput.self, context: context)
        let snapshot = services.markets.snapshot
        guard let market = snapshot.markets.first(where: { $0.stockLocation(id: input.from) != nil }) else {
            throw Problem.invalidField("from", "'\(input.from)' is not a store or warehouse of any market")
        }
        guard input.to != input.from else { throw Problem.invalidField("to", "must be another location than from") }
        guard market.stockLocation(id: input.to) != nil else {
            throw Problem.invalidField("to", "'\(input.to)' is not a store or warehouse of market \(market.code) (\(market.stockLocations.map(\.id).joined(separator: ", ")))")
        }
        let actor = try TransferAccess.require(input.from, request: request, context: context)
        guard (1...100).contains(input.lines.count) else { throw Problem.invalidField("lines", "must list 1 to 100 lines") }
        guard Set(input.lines.map(\.sku)).count == input.lines.count else { throw Problem.invalidField("lines", "names a SKU twice") }
        for (index, line) in input.lines.enumerated() {
            guard try await services.catalog.productID(sku: line.sku) != nil else {
                throw Problem.invalidField("lines[\(index)].sku", "'\(line.sku)' is not the SKU of a product variant")
            }
            guard (1...1_000_000).contains(line.quantity) else { throw Problem.invalidField("lines[\(index)].quantity", "must be a whole number from 1 to 1000000") }
        }
        if let note = input.note, note.count > 500 { throw Problem.invalidField("note", "must be at most 500 characters") }
        let transfer = try await services.transfers.create(
            NewStockTransfer(
                id: "trf_" + CartIdentifier.make(), market: market.code, from: input.from, to: input.to,
                lines: input.lines.map { StockTransfer.Line(sku: $0.sku, quantity: $0.quantity) }, note: input.note, actor: actor.name))
        try await actor.audit("transfer_requested", transfer: transfer, store: transfer.from, services: services)
        return TransferView(transfer).reply(.created, location: "/v1/transfers/\(transfer.id)")
    }

    /// `GET /v1/transfers?location=&status=&limit=`: newest first (the admin, or a staff key for its stores).
    @Sendable func list(request: Request, context: AppRequestContext) async throws -> TransferListView {
        let query = QueryValues(request: request)
        let location = try query.nonEmpty("location", maxLength: 100)
        // Staff list their own stores' transfers only.
        if !context.caller.isAdmin {
            if context.caller.stores != nil, location == nil {
                throw Problem.invalidField("location", "a staff key lists the transfers of one of its stores")
            }
            try StoreAccess.requireKey(anyOf: location.map { [$0] } ?? [], context: context)
        }
        let status: StockTransfer.Status? = try query.oneOf("status")
        let limit = try query.integer("limit", default: 50, range: 1...200)
        return TransferListView(items: try await services.transfers.transfers(location: location, status: status, limit: limit).map(TransferView.init))
    }

    @Sendable func get(request: Request, context: AppRequestContext) async throws -> TransferView {
        let transfer = try await load(context)
        try StoreAccess.requireKey(anyOf: [transfer.from, transfer.to], context: context)
        return TransferView(transfer)
    }

    @Sendable func ship(request: Request, context: AppRequestContext) async throws -> TransferView {
        try await step(.ship, at: \.from, request: request, context: context)
    }

    @Sendable func receive(request: Request, context: AppRequestContext) async throws -> TransferView {
        try await step(.receive, at: \.to, request: request, context: context)
    }

    @Sendable func cancel(request: Request, context: AppRequestContext) async throws -> TransferView {
        try await step(.cancel, at: \.from, request: request, context: context)
    }

    /// Runs a step as the store at `end` of the transfer; a line that would take reserved units is a
    /// 409 naming it, with nothing written.
    private func step(_ action: TransferStep.Action, at end: KeyPath<StockTransfer, String>, request: Request, context: AppRequestContext) async throws
        -> TransferView
    {
        let transfer = try await load(context)
        let actor = try TransferAccess.require(transfer[keyPath: end], request: request, context: context)
        do {
            try await services.inventory.run(try TransferStep(action, on: transfer, actor: actor.name))
        } catch let error as TransferError {
            let detail =
                switch error {
                case .notAllowed(let from, _): "a \(from.rawValue) transfer cannot be \(action == .ship ? "shipped" : action == .receive ? "received" : "cancelled")"
                case .concurrentChange: "the transfer changed meanwhile; read it again"
                }
            throw Problem(.conflict, code: "invalid_transition", title: "Not allowed now", detail: detail, field: "transfer")
        } catch InventoryError.belowReserved(let sku, let location) {
            let index = transfer.lines.firstIndex { $0.sku == sku } ?? 0
            throw Problem(
                .conflict, code: "below_reserved", title: "Stock is reserved",
                detail: "\(location) has fewer than \(transfer.lines[index].quantity) units of \(sku) that are not reserved for orders",
                field: "lines[\(index)].quantity", extensions: ["sku": sku, "location": location])
        }
        guard let moved = try await services.transfers.transfer(id: transfer.id) else { throw Problem.notFound("transfer '\(transfer.id)'", field: "transfer") }
        try await actor.audit("transfer_\(moved.status.rawValue)", transfer: moved, store: transfer[keyPath: end], services: services)
        return TransferView(moved)
    }

    private func load(_ context: AppRequestContext) async throws -> StockTransfer {
        let id = try context.parameters.require("transfer")
        guard let transfer = try await services.transfers.transfer(id: id) else { throw Problem.notFound("transfer '\(id)'", field: "transfer") }
        return transfer
    }
}
