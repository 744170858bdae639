import FoundationEssentials
import PasarCore

/// An order's status history, the same SQL on both databases: every step that moves an order, the
/// placement included, records where it went, who moved it and when.
enum OrderStatusSQL {
    static func record(orderID: String, status: OrderStatus, actor: String, note: String?, at: Date) -> SQLFragment {
        """
        INSERT INTO order_status_changes (order_id, status, actor, note, changed_at) \
        VALUES (\(orderID), \(status.rawValue), \(actor), \(note), \(at.millis))
        """
    }
}
