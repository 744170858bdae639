import Foundation
import Hummingbird
import PasarCore
import PasarMarkets
import PasarStorage

/// A store's own routes, for its staff keys (`StoreAccess`) and the admin: the pickup queue, the
/// handover of click & collect orders at the till (ready, then collected with the payment taken
/// there), and the audit log of who did what.
struct StoreController {
    let services: APIServices
    /// Collect orders ready for longer than this are flagged `overdue` in the queue.
    static let pickupHold: TimeInterval = 7 * 86_400

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/stores/:store/pickups", use: pickups)
        group.post("/stores/:store/orders/:order/status", use: changeStatus)
        group.get("/stores/:store/audit", use: audit)
        group.get("/stores/:store/customers", use: lookUpCustomer)
        group.post("/stores/:store/inventory/adjustments", use: adjustStock)
    }

    /// `GET /v1/stores/{store}/pickups?status=&limit=`: the store's collect orders still to hand
    /// over (placed, paid, ready for pickup), oldest first.
    @Sendable func pickups(request: Request, context: AppRequestContext) async throws -> PickupQueueView {
        let (store, market, _) = try storeScope(request, context)
        let query = QueryValues(request: request)
        let status: OrderStatus? = try query.oneOf("status")
        let statuses = status.map { [$0] } ?? [.placed, .paid, .readyForPickup]
        guard statuses.allSatisfy(Self.queueStatuses.contains) else {
            throw Problem.invalidField("status", "must be one of \(Self.queueStatuses.map(\.rawValue).joined(separator: ", "))")
        }
        let limit = try query.integer("limit", default: 50, range: 1...200)
        let ids = try await services.storeOperations.pickupQueue(store: store.id, statuses: statuses, limit: limit)
        let now = Date()
        var items: [PickupView] = []
        for id in ids {
            guard let order = try await services.orders.order(id: id) else { continue }
            let readySince = order.status == .readyForPickup ? order.history.last { $0.status == .readyForPickup }?.at : nil
            items.append(
                PickupView(
                    order: try OrderView(order, market: market), awaitingPayment: !order.isPaid,
                    readySince: readySince.map(OrderView.timestamp), overdue: readySince.map { now.timeIntervalSince($0) > Self.pickupHold } ?? false))
        }
        return PickupQueueView(store: store.id, items: items)
    }

    static let queueStatuses: [OrderStatus] = [.placed, .paid, .readyForPickup]

    struct StatusInput: Decodable {
        let status: String
        let tenders: [TenderInput]?
        let note: String?
    }

    /// `POST /v1/stores/{store}/orders/{order}/status`: `ready_for_pickup`, or `collected` with the
    /// tenders of an order paid at the till (cash rounded to the market's cash increment).
    @Sendable func changeStatus(request: Request, context: AppRequestContext) async throws -> EditedResponse<OrderView> {
        let (store, market, actor) = try storeScope(request, context)
        let input = try await request.decode(as: StatusInput.self, context: context)
        guard let target = OrderStatus(rawValue: input.status), [.readyForPickup, .collected].contains(target) else {
            throw Problem.invalidField("status", "at the till, must be ready_for_pickup or collected")
        }
        if let note = input.note, note.count > 500 { throw Problem.invalidField("note", "must be at most 500 characters") }
        let id = try context.parameters.require("order")
        guard let order = try await services.orders.order(id: id) else { throw Problem.notFound("order '\(id)'", field: "order") }
        guard order.fulfilment == .collect(store: store.id) else {
            throw Problem(.conflict, code: "not_this_store", title: "Not this store's order", detail: "order \(order.number) is not collected at \(store.id)", field: "order")
        }
        var settlement: TillSettlement?
        if OrderStatusStep.capturesPayment(order, reaching: target) {
            settlement = try TenderInput.settle(input.tenders ?? [], due: try order.totals.total.subtracting(order.refunded), market: market)
        } else if input.tenders?.isEmpty == false {
            throw Problem.invalidField("tenders", "only collecting an unpaid order takes a payment at the till")
        }
        let updated = try await OrderStatusStep(services: services).run(
            order, to: target, note: input.note, actor: "\(actor.keyName)/\(actor.operatorID)",
            till: TillRecord(store: store.id, keyName: actor.keyName, operatorID: actor.operatorID, settlement: settlement), logger: context.logger)
        return try await OrderView.withTenders(updated, services: services).reply(language: updated.language)
    }

    /// `GET /v1/stores/{store}/audit?before=&limit=`: who did what at the store, newest first.
    @Sendable func audit(request: Request, context: AppRequestContext) async throws -> NewestFirstPage<StoreAuditView> {
        let (store, _, _) = try storeScope(request, context)
        let query = QueryValues(request: request)
        let limit = try query.integer("limit", default: 50, range: 1...200)
        let entries = try await services.storeOperations.audit(store: store.id, before: try query.cursor("before"), limit: limit)
        return NewestFirstPage(entries, limit: limit, view: StoreAuditView.init, cursor: { $0.id })
    }

    struct AdjustmentInput: Decodable {
        let sku: String
        let delta: Int64
        let reason: String
        let note: String?
    }

    /// `POST /v1/stores/{store}/inventory/adjustments`: units received, counted or written off at the
    /// store, as the back office adjusts any location, recorded in the store's audit log.
    @Sendable func adjustStock(request: Request, context: AppRequestContext) async throws -> EditedResponse<StockLevelView> {
        let (store, market, actor) = try storeScope(request, context)
        let input = try await request.decode(as: AdjustmentInput.self, context: context)
        let level = try await services.inventory.adjust(
            try await StockAdjustmentRules(services: services).adjustment(
                location: store.id, sku: input.sku, delta: input.delta, reason: input.reason, note: input.note,
                actor: "\(actor.keyName)/\(actor.operatorID)"))
        try await services.storeOperations.recordAudit(
            store: store.id, keyName: actor.keyName, operatorID: actor.operatorID, action: "stock_\(input.reason)", orderID: nil,
            detail: "\(input.sku) \(input.delta > 0 ? "+" : "")\(input.delta)", now: Date())
        guard let location = market.stockLocation(id: store.id) else { throw Problem.notFound("store '\(store.id)'", field: "store") }
        return StockLevelView(level, location: location).reply(.created)
    }

    /// `GET /v1/stores/{store}/customers?email=|phone=|order=`: the customer staff recognise, with
    /// their overview and their active cart in the store's market (to open at the till).
    @Sendable func lookUpCustomer(request: Request, context: AppRequestContext) async throws -> StoreCustomerView {
        let (_, market, _) = try storeScope(request, context)
        let query = QueryValues(request: request)
        let email = try query.string("email", maxLength: 254)
        // A `+` in a query reads as a space (form encoding), so the plus of E.164 may be left out.
        let phone = try query.string("phone", maxLength: 32).map { try CustomersController.phone($0.hasPrefix("+") ? $0 : "+" + $0) }
        let order = try query.string("order", maxLength: 64)
        guard [email, phone, order].compactMap({ $0 }).count == 1 else {
            throw Problem.invalidField("email", "give one of email, phone (E.164) or order (an order number)")
        }
        guard let id = try await services.customerProfiles.find(email: email, phone: phone, orderNumber: order),
            let overview = try await services.customers.overview(customerID: id, limit: 20)
        else { throw Problem.notFound("customer", field: email != nil ? "email" : phone != nil ? "phone" : "order") }
        let cart = try await services.carts.activeCart(customerID: id, market: market.code)
        let groups = try await services.customerGroups.groups(customerID: id)
        return StoreCustomerView(overview: try CustomerOverviewView(overview, groups: groups, markets: services.markets.snapshot), activeCartID: cart?.id)
    }

    /// The path's store, its market, and who acts there (403 for another store's staff, 404 for no such store).
    private func storeScope(_ request: Request, _ context: AppRequestContext) throws -> (Store, Market, StoreAccess.Actor) {
        let id = try context.parameters.require("store")
        let actor = try StoreAccess.require(id, request: request, context: context)
        for market in services.markets.snapshot.markets {
            if let store = market.stores.first(where: { $0.id == id }) { return (store, market, actor) }
        }
        throw Problem.notFound("store '\(id)'", field: "store")
    }
}
