import FoundationEssentials
import PasarCore

/// The parcels of orders, the same SQL on both databases: written by the `shipped` step, read with
/// the order once it has left (so placing and reading orders that have not pay nothing for them).
enum OrderShipmentSQL {
    /// Only orders that left have parcels.
    static func mayHaveShipments(_ status: OrderStatus) -> Bool { status == .shipped || status == .delivered }

    static func insert(order: Order, tracking: ShipmentTracking, now: Date) -> SQLFragment {
        """
        INSERT INTO order_shipments (order_id, number, location, carrier, tracking_number, tracking_url, shipped_at) \
        SELECT \(order.id), COUNT(*) + 1, \(order.stockLocation), \(tracking.carrier), \(tracking.trackingNumber), \(tracking.trackingURL), \
        \(now.millis) FROM order_shipments WHERE order_id = \(order.id)
        """
    }

    static func select(orderIDs: [String]) -> SQLFragment {
        """
        SELECT order_id, number, location, carrier, tracking_number, tracking_url, shipped_at FROM order_shipments \
        WHERE order_id IN (\(SQLFragment.list(orderIDs.map(SQLValue.text)))) ORDER BY order_id, number
        """
    }

    /// The rows of `select`, by order id.
    static func shipments(_ rows: [[SQLValue?]]) -> [String: [OrderShipment]] {
        Dictionary(grouping: rows, by: { $0[0]?.text ?? "" }).mapValues { rows in
            rows.map { row in
                OrderShipment(
                    number: row[1]?.integer ?? 0, location: row[2]?.text ?? "", carrier: row[3]?.text ?? "", trackingNumber: row[4]?.text ?? "",
                    trackingURL: row[5]?.text, shippedAt: Date(millis: row[6]?.integer ?? 0))
            }
        }
    }
}
