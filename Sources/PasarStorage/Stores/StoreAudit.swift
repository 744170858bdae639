public import FoundationEssentials

/// One entry of a store's audit log: who (key and operator) did what, to which order, when.
public struct StoreAuditEntry: Sendable, Equatable {
    public let id: Int64
    public let store: String
    public let keyName: String
    public let operatorID: String
    /// `order_ready_for_pickup`, `order_collected`, …
    public let action: String
    public let orderID: String?
    /// What was taken, in a line (`cash 23.40 CHF`).
    public let detail: String?
    public let createdAt: Date
}

/// The audit log's SQL, the same on both databases.
enum StoreAudit {
    static func append(store: String, keyName: String, operatorID: String, action: String, orderID: String?, detail: String?, now: Date) -> SQLFragment {
        """
        INSERT INTO store_audit_log (store, key_name, operator, action, order_id, detail, created_at) \
        VALUES (\(store), \(keyName), \(operatorID), \(action), \(orderID), \(detail), \(now.millis))
        """
    }
}
