import FoundationEssentials
import PasarCore

/// An outbox event ready for either database's `INSERT`: its arguments are encoded when it is made,
/// so a placement can make it before its transaction and the writer only runs SQL.
struct OutboxEntry {
    let kind: OrderEvent.Kind
    let orderID: String
    let customerID: String?
    let market: String
    let language: String
    /// `OrderEvent.Arguments` as the `arguments` column's JSON.
    let arguments: String
    let createdAt: Date

    init(_ kind: OrderEvent.Kind, of order: Order, arguments: OrderEvent.Arguments, now: Date) throws {
        try self.init(kind, orderID: order.id, customerID: order.customerID, market: order.market, language: order.language, arguments: arguments, now: now)
    }

    /// The `order_placed` event of a draft.
    init(placed draft: OrderDraft) throws {
        try self.init(
            .orderPlaced, orderID: draft.id, customerID: draft.customerID, market: draft.market, language: draft.language,
            arguments: .init(order: draft.number, count: draft.unitCount, amount: draft.totals.total, store: nil, returnID: nil), now: draft.placedAt)
    }

    private init(
        _ kind: OrderEvent.Kind, orderID: String, customerID: String?, market: String, language: String, arguments: OrderEvent.Arguments, now: Date
    ) throws {
        self.kind = kind
        self.orderID = orderID
        self.customerID = customerID
        self.market = market
        self.language = language
        self.arguments = try JSONColumn.encode(arguments)
        createdAt = now
    }
}
