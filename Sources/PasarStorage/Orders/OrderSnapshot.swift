import PasarCore
import PasarLocalization

/// The parts of an order kept as one JSON column (`orders.snapshot`), the same on both databases,
/// and the checks both apply to the columns they read back.
struct OrderSnapshot: Codable {
    let totals: OrderTotals
    let vouchers: [String]
    let payment: PaymentStart
    let fulfilment: OrderFulfilment
    let stockLocations: [String]
    /// Absent in orders placed before delivery windows were kept.
    let delivery: DeliveryWindow?
}

extension OrderSnapshot {
    static func currency(_ code: String) throws -> Currency {
        guard let currency = try? CurrencyCatalog.currency(code) else { throw StorageError.corrupt("currency \(code)") }
        return currency
    }

    static func status(_ text: String) throws -> OrderStatus {
        guard let status = OrderStatus(rawValue: text) else { throw StorageError.corrupt("order status \(text)") }
        return status
    }
}
