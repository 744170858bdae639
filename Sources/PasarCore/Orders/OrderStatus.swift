/// Where an order stands. Orders move forward only, along the transitions `canMove(to:…)` allows:
///
/// ```
/// placed ──pay──▶ paid ──▶ shipped ──▶ delivered              (ship)
///                   └────▶ partially_shipped ──▶ shipped      (ship in several shipments)
///    │              └────▶ ready_for_pickup ──▶ collected     (collect)
///    └──────────────────▶ ready_for_pickup  (pay at the store: collected needs the payment first)
/// placed, paid ──▶ collected   (collect: handed over at the counter at once, as a sale at the till)
/// placed, paid, ready_for_pickup ──▶ cancelled
/// ```
///
/// A ship order leaves in shipments (`OrderShipment`), one per stock location; `partially_shipped`
/// and the steps after it follow from its shipments' statuses (`OrderStatus.following(_:)`).
public enum OrderStatus: String, Sendable, CaseIterable, Codable {
    case placed
    case paid
    case readyForPickup = "ready_for_pickup"
    /// Some shipments left, others have not yet.
    case partiallyShipped = "partially_shipped"
    case shipped
    case delivered
    case collected
    case cancelled

    /// No transition leaves a final status.
    public var isFinal: Bool { self == .delivered || self == .collected || self == .cancelled }

    /// The statuses an order-wide step may reach from this one for an order fulfilled as `fulfilment`
    /// (`partially_shipped` comes only from shipping one shipment of several).
    public func next(for fulfilment: FulfilmentKind) -> [OrderStatus] {
        switch (self, fulfilment) {
        case (.placed, .ship): [.paid, .cancelled]
        case (.placed, .collect): [.paid, .readyForPickup, .collected, .cancelled]
        case (.paid, .ship): [.shipped, .cancelled]
        case (.paid, .collect): [.readyForPickup, .collected, .cancelled]
        case (.readyForPickup, _): [.collected, .cancelled]
        case (.partiallyShipped, _): [.shipped]
        case (.shipped, _): [.delivered]
        case (.delivered, _), (.collected, _), (.cancelled, _): []
        }
    }

    /// Checks one step: allowed from here for this fulfilment, and `collected` only once paid.
    public func validateMove(to target: OrderStatus, fulfilment: FulfilmentKind, isPaid: Bool) throws(OrderTransitionError) {
        guard next(for: fulfilment).contains(target) else {
            throw OrderTransitionError(from: self, to: target, reason: target == self ? .alreadyThere : .notAllowed)
        }
        if target == .collected, !isPaid { throw OrderTransitionError(from: self, to: target, reason: .paymentMissing) }
    }
}

/// How an order reaches the customer.
public enum FulfilmentKind: String, Sendable, CaseIterable, Codable {
    /// Shipped to an address with one of the market's shipping methods.
    case ship
    /// Click & collect at a store of the market.
    case collect
}

/// A status change the order's state does not allow.
public struct OrderTransitionError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: String, Sendable {
        case notAllowed = "not_allowed"
        case alreadyThere = "already_there"
        case paymentMissing = "payment_missing"
    }

    public let from: OrderStatus
    public let to: OrderStatus
    public let reason: Reason

    public init(from: OrderStatus, to: OrderStatus, reason: Reason) {
        self.from = from
        self.to = to
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .notAllowed: "an order that is \(from.rawValue) cannot become \(to.rawValue)"
        case .alreadyThere: "the order is already \(to.rawValue)"
        case .paymentMissing: "the order must be paid before it is collected"
        }
    }
}

extension OrderStatus {
    /// The status a ship order reaches from its shipments' statuses, nil while none has moved on
    /// (the order stays placed or paid): cancelled when all are, partially shipped while some are
    /// still pending, delivered when every shipment not cancelled is, else shipped.
    public static func following(_ shipments: [ShipmentStatus]) -> OrderStatus? {
        let live = shipments.filter { $0 != .cancelled }
        if live.isEmpty { return shipments.isEmpty ? nil : .cancelled }
        if live.allSatisfy({ $0 == .pending }) { return nil }
        if live.contains(.pending) { return .partiallyShipped }
        return live.allSatisfy { $0 == .delivered } ? .delivered : .shipped
    }
}
