import FoundationEssentials
import PasarCore

/// The shipments of ship orders, the same SQL on both databases: written when the order is placed
/// (one per location its stock was reserved at, every line in shipment 1 until told otherwise),
/// moved by status steps, read with the order.
enum OrderShipmentSQL {
    /// A ship order's shipments once its stock is reserved: their rows, and the lines that leave
    /// with a later shipment than the first.
    static func placement(orderID: String, _ placement: StockAllocation.Placement) -> [SQLFragment] {
        let rows = placement.shipments.enumerated().map { index, shipment -> SQLFragment in
            "(\(orderID), \(index + 1), \(shipment.location), 'pending')"
        }
        var statements: [SQLFragment] = ["INSERT INTO order_shipments (order_id, number, location, status) VALUES \(SQLFragment.join(rows, separator: ", "))"]
        for (index, shipment) in placement.shipments.enumerated().dropFirst() {
            statements.append(
                """
                UPDATE order_lines SET shipment = \(index + 1) \
                WHERE order_id = \(orderID) AND line_number IN (\(SQLFragment.list(shipment.lineNumbers.map { SQLValue.integer(Int64($0)) })))
                """)
        }
        return statements
    }

    /// Moves shipment `number` (every shipment in `from` when nil) from `from` to `to`, recording the
    /// tracking when it ships and the time; returns the numbers it moved (none: another request
    /// moved them first).
    static func move(orderID: String, number: Int64?, from: ShipmentStatus, to: ShipmentStatus, tracking: ShipmentTracking?, now: Date) -> SQLFragment {
        let which: SQLFragment = number.map { (number: Int64) -> SQLFragment in " AND number = \(number)" } ?? ""
        let shippedAt: Int64? = to == .shipped ? now.millis : nil
        let closedAt: Int64? = to == .delivered || to == .cancelled ? now.millis : nil
        return """
            UPDATE order_shipments SET status = \(to.rawValue), carrier = COALESCE(\(tracking?.carrier), carrier), \
            tracking_number = COALESCE(\(tracking?.trackingNumber), tracking_number), tracking_url = COALESCE(\(tracking?.trackingURL), tracking_url), \
            shipped_at = COALESCE(\(shippedAt), shipped_at), closed_at = COALESCE(\(closedAt), closed_at) \
            WHERE order_id = \(orderID) AND status = \(from.rawValue)\(which) RETURNING number
            """
    }

    static func select(orderIDs: [String]) -> SQLFragment {
        """
        SELECT order_id, number, location, status, carrier, tracking_number, tracking_url, shipped_at, closed_at FROM order_shipments \
        WHERE order_id IN (\(SQLFragment.list(orderIDs.map(SQLValue.text)))) ORDER BY order_id, number
        """
    }

    /// The rows of `select`, by order id; `lineShipments` gives each order's line numbers by shipment.
    static func shipments(_ rows: [[SQLValue?]], lineShipments: [String: [Int64: [Int]]]) -> [String: [OrderShipment]] {
        Dictionary(grouping: rows, by: { $0[0]?.text ?? "" }).mapValues { rows in
            rows.map { row in
                let orderID = row[0]?.text ?? ""
                let number = row[1]?.integer ?? 0
                var tracking: ShipmentTracking?
                if let carrier = row[4]?.text, let trackingNumber = row[5]?.text {
                    tracking = ShipmentTracking(carrier: carrier, trackingNumber: trackingNumber, trackingURL: row[6]?.text)
                }
                return OrderShipment(
                    number: number, location: row[2]?.text ?? "", status: ShipmentStatus(rawValue: row[3]?.text ?? "") ?? .pending,
                    lineNumbers: lineShipments[orderID]?[number] ?? [], tracking: tracking, shippedAt: row[7]?.integer.map(Date.init(millis:)),
                    closedAt: row[8]?.integer.map(Date.init(millis:)))
            }
        }
    }
}
