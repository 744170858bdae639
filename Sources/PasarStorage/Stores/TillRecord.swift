public import FoundationEssentials
public import PasarCore

/// Who took a step at a store's till, and what they took: written in the step's own transaction,
/// so the order, its tenders and the audit entry change together or not at all.
public struct TillRecord: Sendable {
    public let store: String
    /// The API key's name (never the key).
    public let keyName: String
    /// The person at the till (`Pasar-Operator`).
    public let operatorID: String
    /// What the customer paid with here; empty when nothing was taken.
    public let settlement: TillSettlement?

    public init(store: String, keyName: String, operatorID: String, settlement: TillSettlement?) {
        self.store = store
        self.keyName = keyName
        self.operatorID = operatorID
        self.settlement = settlement
    }

    /// The tender rows and the audit entry of a step taking `order` to `status`, for either database.
    func statements(order: Order, status: OrderStatus, now: Date) -> [SQLFragment] {
        var statements: [SQLFragment] = []
        let tenders = settlement?.tenders ?? []
        for (index, tender) in tenders.enumerated() {
            // The cash rounding belongs to the cash tender; there is at most one.
            let adjustment = tender.kind == .cash ? settlement?.cashAdjustment.minorUnits ?? 0 : 0
            statements.append(
                """
                INSERT INTO order_tenders (order_id, number, kind, amount_minor, currency, reference, cash_adjustment_minor, store, operator, \
                created_at) VALUES (\(order.id), \(index + 1), \(tender.kind.rawValue), \(tender.amount.minorUnits), \
                \(tender.amount.currency.code), \(tender.reference), \(adjustment), \(store), \(operatorID), \(now.millis))
                """)
        }
        let detail = tenders.map { "\($0.kind.rawValue) \($0.amount.decimalString) \($0.amount.currency.code)" }.joined(separator: ", ")
        statements.append(
            StoreAudit.append(
                store: store, keyName: keyName, operatorID: operatorID, action: "order_\(status.rawValue)", orderID: order.id,
                detail: detail.isEmpty ? nil : detail, now: now))
        return statements
    }
}
