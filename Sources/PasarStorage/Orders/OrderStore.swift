public import FoundationEssentials
public import PasarCore

/// Orders, their returns and the event outbox. Each write is one transaction that also appends the
/// events it causes, so a notification exists exactly when its change does.
public protocol OrderStore: Sendable {
    /// Places `draft` in one write transaction: an order already placed under `idempotencyKey` is
    /// returned as it is (`created == false`); otherwise the stock of every line is reserved at the
    /// first of `draft.stockLocations` that has all of it (`OrderStoreError.outOfStock` when none
    /// has), the cart is closed, the snapshot is stored and `order_placed` is appended to the outbox.
    func place(_ draft: OrderDraft, idempotencyKey: String) async throws -> PlacedOrder
    func order(id: String) async throws -> Order?
    /// The order an earlier checkout placed under this key.
    func order(idempotencyKey: String) async throws -> Order?
    /// A customer's orders from every channel, newest first: those placed under their id, and guest
    /// orders with their email.
    func orders(customerID: String, email: String?, limit: Int) async throws -> [Order]
    /// Moves an order one step (validated by `OrderStatus`), with its stock effect and event.
    func changeStatus(_ change: OrderStatusChangeRequest) async throws -> Order
    /// Moves one shipment of a ship order one step (`ShipmentStepPlan`); the order follows.
    func changeShipment(_ change: ShipmentStatusChangeRequest) async throws -> Order
    /// Records a return: units back into stock at the chosen location, the exact refund, events.
    func recordReturn(_ request: ReturnRequest) async throws -> OrderReturn
    /// Stores the payment provider's reference of a return's refund.
    func setRefundReference(returnID: String, reference: String) async throws
    func returns(orderID: String) async throws -> [OrderReturn]
    /// SQLiteOutbox events after `sequence`, oldest first.
    func events(after sequence: Int64, limit: Int) async throws -> [OutboxEvent]
}

/// The order and whether this call placed it (false: an earlier call with the same key did).
public struct PlacedOrder: Sendable {
    public let order: Order
    public let created: Bool
}

/// A status change asked for by `actor`.
public struct OrderStatusChangeRequest: Sendable {
    public let orderID: String
    public let target: OrderStatus
    public let actor: String
    public let note: String?
    /// The provider's capture reference when this step takes the payment (`paid`, or collecting
    /// an order paid at the store); the order becomes paid and `order_paid` is appended too.
    public let captureReference: String?
    /// Set when the step is taken at a store's till: its tenders and audit entry join the step.
    public let till: TillRecord?
    /// The parcel's carrier and tracking number, when shipping.
    public let tracking: ShipmentTracking?
    public let now: Date
    /// The order's market's loyalty rule: a step that makes the order paid earns points by it, and a
    /// cancellation gives back redeemed points expiring by it.
    public var loyalty: LoyaltyProgram?

    public init(
        orderID: String, target: OrderStatus, actor: String, note: String?, captureReference: String?, till: TillRecord? = nil,
        tracking: ShipmentTracking? = nil, now: Date = Date()
    ) {
        self.orderID = orderID
        self.target = target
        self.actor = actor
        self.note = note
        self.captureReference = captureReference
        self.till = till
        self.tracking = tracking
        self.now = now
    }
}

/// Units of an order coming back, through any channel, to `location`.
public struct ReturnRequest: Sendable {
    public struct Line: Sendable {
        public let lineNumber: Int
        public let quantity: Int64

        public init(lineNumber: Int, quantity: Int64) {
            self.lineNumber = lineNumber
            self.quantity = quantity
        }
    }

    public let id: String
    public let orderID: String
    public let channel: String
    public let location: String
    public let reason: String?
    public let lines: [Line]
    public let now: Date

    public init(id: String, orderID: String, channel: String, location: String, reason: String?, lines: [Line], now: Date = Date()) {
        self.id = id
        self.orderID = orderID
        self.channel = channel
        self.location = location
        self.reason = reason
        self.lines = lines
        self.now = now
    }
}

/// A recorded return with its refund, line by line.
public struct OrderReturn: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public let lineNumber: Int
        public let sku: String
        public let refund: RefundCalculator.Refund
    }

    public let id: String
    public let orderID: String
    public let channel: String
    public let location: String
    public let reason: String?
    public let lines: [Line]
    public let refund: Money
    public let refundTax: Money
    public let paymentReference: String?
    public let createdAt: Date

    public var unitCount: Int64 { lines.reduce(0) { $0 + $1.refund.quantity } }

    /// The same return with the payment provider's refund reference.
    public func withPaymentReference(_ reference: String) -> OrderReturn {
        OrderReturn(
            id: id, orderID: orderID, channel: channel, location: location, reason: reason, lines: lines, refund: refund, refundTax: refundTax,
            paymentReference: reference, createdAt: createdAt)
    }
}

/// Why an order write was refused.
public enum OrderStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No location offered enough of `sku`.
    case outOfStock(sku: String, location: String)
    case orderNotFound(String)
    /// The cart was checked out or merged by another request.
    case cartNotActive(String)
    /// The idempotency key was used for another cart's checkout.
    case idempotencyKeyReused(orderID: String)
    case transition(OrderTransitionError)
    /// Another request changed the order's status first.
    case concurrentChange(String)
    case unknownLine(Int)
    case refund(line: Int, RefundError)
    /// Returns are taken once the goods left (shipped, delivered or collected).
    case notReturnable(OrderStatus)
    case unknownShipment(Int64)
    case shipmentTransition(number: Int64, from: ShipmentStatus, to: ShipmentStatus)
    /// The line's shipment has not left (or was cancelled): nothing of it can come back.
    case lineNotShipped(Int)
    /// The customer's loyalty balance (negative while a clawback is owed) is below the points the
    /// cart redeems: another checkout spent them first, or they expired.
    case loyaltyInsufficient(requested: Int64, balance: Int64)

    public var description: String {
        switch self {
        case .outOfStock(let sku, let location): "\(sku) is out of stock at \(location)"
        case .orderNotFound(let id): "order \(id) not found"
        case .cartNotActive(let id): "cart \(id) is no longer active"
        case .idempotencyKeyReused(let id): "this Idempotency-Key already placed order \(id) for another cart"
        case .transition(let error): error.description
        case .concurrentChange(let id): "order \(id) was changed by another request; read it again"
        case .unknownLine(let number): "the order has no line \(number)"
        case .refund(let line, let error): "line \(line): \(error)"
        case .notReturnable(let status): "an order that is \(status.rawValue) cannot be returned yet"
        case .unknownShipment(let number): "the order has no shipment \(number)"
        case .shipmentTransition(let number, let from, let to): "shipment \(number) is \(from.rawValue) and cannot become \(to.rawValue)"
        case .lineNotShipped(let number): "line \(number) has not been shipped"
        case .loyaltyInsufficient(let requested, let balance): "the cart redeems \(requested) points but the balance is \(balance)"
        }
    }
}
