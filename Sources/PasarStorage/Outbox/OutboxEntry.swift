import FoundationEssentials
import PasarCore

/// An outbox event ready for either database's `INSERT`: its arguments are encoded when it is made,
/// so a placement can make it before its transaction and the writer only runs SQL.
struct OutboxEntry {
    let kind: OutboxEvent.Kind
    let resourceID: String
    let customerID: String?
    let market: String
    let language: String
    /// `OutboxEvent.Arguments` as the `arguments` column's JSON.
    let arguments: String
    let createdAt: Date

    init(_ kind: OutboxEvent.Kind, of order: Order, arguments: OutboxEvent.Arguments, now: Date) throws {
        try self.init(kind, resourceID: order.id, customerID: order.customerID, market: order.market, language: order.language, arguments: arguments, now: now)
    }

    /// The `order_placed` event of a draft.
    init(placed draft: OrderDraft) throws {
        try self.init(
            .orderPlaced, resourceID: draft.id, customerID: draft.customerID, market: draft.market, language: draft.language,
            arguments: .init(order: draft.number, count: draft.unitCount, amount: draft.totals.total), now: draft.placedAt)
    }

    init(
        _ kind: OutboxEvent.Kind, resourceID: String, customerID: String?, market: String, language: String, arguments: OutboxEvent.Arguments, now: Date
    ) throws {
        self.kind = kind
        self.resourceID = resourceID
        self.customerID = customerID
        self.market = market
        self.language = language
        self.arguments = try JSONColumn.encode(arguments)
        createdAt = now
    }

    /// The `INSERT` on either database (`SharedSQLRunner`), only when `condition` holds, skipping an
    /// event its resource may have only once (a unique index: `cart_abandoned`). On PostgreSQL it
    /// takes `PostgresOutbox`'s lock first.
    func insert(dialect: SQLDialect, onlyIf condition: SQLFragment = "true") -> SQLFragment {
        let values: SQLFragment = """
            \(kind.rawValue), \(kind.resourceType.rawValue), \(resourceID), \(customerID), \(market), \(language), \(arguments), \(createdAt.millis)
            """
        let columns = "INSERT INTO outbox_events (type, resource_type, resource_id, customer_id, market, language, arguments, created_at)"
        // The WHERE also keeps SQLite from reading ON CONFLICT as a join's ON.
        switch dialect {
        case .sqlite:
            return "\(raw: columns) SELECT \(values) WHERE \(condition) ON CONFLICT DO NOTHING"
        case .postgres:
            return """
                WITH serialized AS (SELECT pg_advisory_xact_lock(\(PostgresOutbox.lockKey))) \
                \(raw: columns) SELECT \(values) FROM serialized WHERE \(condition) ON CONFLICT DO NOTHING
                """
        }
    }
}
