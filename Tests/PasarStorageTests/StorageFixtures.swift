import Foundation
import PasarCore
import PasarLocalization
import PasarStorage

/// The few rows the storage tests need, built directly: carts in the German market, stock at one
/// store, and orders of one line collected there, priced in euros with 19 % tax included.
enum StorageFixtures {
    static let market = "de"
    static let store = "berlin-mitte"
    static let unitPrice: Int64 = 1999

    static func euro(_ minorUnits: Int64) throws -> Money {
        Money(minorUnits: minorUnits, currency: try CurrencyCatalog.currency("EUR"))
    }

    /// A new, empty guest cart.
    @discardableResult
    static func cart(_ id: String = UUID().uuidString, on stores: PasarStores) async throws -> StoredCart {
        try await stores.carts.create(NewCart(id: id, market: market, currency: "EUR", customerID: nil, email: nil, channel: "web"))
    }

    /// One unit (or `quantity`) of `sku` at the fixture price; every call is a new line id, as every request is.
    static func line(_ sku: String, quantity: Int64 = 1) -> NewCartLine {
        NewCartLine(
            id: UUID().uuidString, sku: sku, productID: "product-\(sku)", quantity: quantity,
            price: LinePrice(unitMinorUnits: unitPrice, taxRate: "0.19"))
    }

    /// Receives `units` of `sku` at the store.
    @discardableResult
    static func receive(_ sku: String, units: Int64, on stores: PasarStores) async throws -> StockLevel {
        try await stores.inventory.adjust(
            StockAdjustment(location: store, sku: sku, delta: units, reason: .receipt, note: nil, actor: "admin"))
    }

    /// An order of `quantity` units of `sku` (less `discount` minor units), collected at the store.
    static func draft(id: String = UUID().uuidString, cartID: String? = nil, sku: String, quantity: Int64 = 1, discount: Int64 = 0) throws
        -> OrderDraft
    {
        let amount = unitPrice * quantity
        let gross = amount - discount
        let tax = (gross * 19 + 59) / 119
        let line = OrderLine(
            number: 1, sku: sku, productID: "product-\(sku)", name: sku, quantity: quantity, unitAmount: try euro(unitPrice),
            amount: try euro(amount), discount: try euro(discount), taxRate: try ExactDecimal("0.19"), net: try euro(gross - tax),
            tax: try euro(tax), gross: try euro(gross), formatted: [:])
        return OrderDraft(
            id: id, number: "PAS-\(id.prefix(8).uppercased())-\(id.suffix(4).uppercased())", cartID: cartID, customerID: nil,
            email: "kunde@example.com", market: market, channel: "web", language: "de", pricesIncludeTax: true,
            fulfilment: .collect(store: store), stockLocations: [store], lines: [line],
            totals: OrderTotals(
                subtotal: try euro(amount), discount: try euro(discount), shipping: try euro(0), tax: try euro(tax), total: try euro(gross),
                taxes: [], formatted: [:]),
            vouchers: [], payment: PaymentStart(provider: "manual", method: "pay_at_store", reference: "ref-\(id)", instructions: ""),
            placedAt: Date())
    }

    /// Places an order to kunde@example.com in German (one `order_placed`) and moves it on to
    /// collected (three more events); returns its id.
    static func collectedOrder(on stores: PasarStores) async throws -> String {
        try await receive("TEA", units: 5, on: stores)
        let placed = try await stores.orders.place(draft(sku: "TEA"), idempotencyKey: UUID().uuidString)
        try await collect(placed.order.id, on: stores)
        return placed.order.id
    }

    /// Moves a placed order to `collected`: paid, ready for pickup, picked up.
    @discardableResult
    static func collect(_ orderID: String, on stores: PasarStores) async throws -> Order {
        var order: Order?
        for status in [OrderStatus.paid, .readyForPickup, .collected] {
            order = try await stores.orders.changeStatus(
                OrderStatusChangeRequest(orderID: orderID, target: status, actor: "admin", note: nil, captureReference: "capture-\(orderID)"))
        }
        return order!
    }
}

extension Array {
    /// The values of the requests that succeeded.
    func successes<Value>() -> [Value] where Element == Result<Value, any Error> {
        compactMap { try? $0.get() }
    }

    /// The errors of the requests that failed.
    func failures<Value>() -> [any Error] where Element == Result<Value, any Error> {
        compactMap { if case .failure(let error) = $0 { error } else { nil } }
    }
}
