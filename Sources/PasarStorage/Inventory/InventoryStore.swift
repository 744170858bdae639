public import FoundationEssentials

/// Stock per location and SKU, changed only by conditional SQL updates (never a value read
/// earlier and written back), with every change recorded as a movement.
public protocol InventoryStore: Sendable {
    /// Applies an adjustment and records it; refuses one that would leave less on hand than is reserved.
    func adjust(_ adjustment: StockAdjustment) async throws -> StockLevel
    /// Runs one transfer step in one transaction: its status, then its stock moves; refuses one that
    /// would take units below what is reserved (`InventoryError.belowReserved`), writing nothing.
    func run(_ step: TransferStep) async throws
    /// Levels of these SKUs at these locations (missing rows are absent, meaning zero).
    func levels(skus: [String], locations: [String]) async throws -> [StockLevel]
    /// Levels of one SKU at every location that ever held it.
    func levels(sku: String) async throws -> [StockLevel]
    /// The latest movements of a SKU, newest first.
    func movements(sku: String, location: String?, limit: Int) async throws -> [StockMovement]
    /// Whether any stock row exists (the demo seeds only an empty inventory).
    func isEmpty() async throws -> Bool
    /// Receives `quantity(sku, location)` units of every catalog SKU at every location, in one
    /// transaction; returns how many stock rows it filled.
    func seedDemoStock(locations: [String], quantity: @Sendable (String, String) -> Int64) async throws -> Int
}

/// Stock of one SKU at one location.
public struct StockLevel: Sendable, Equatable {
    public let location: String
    public let sku: String
    public let onHand: Int64
    /// Promised to placed orders that are not yet shipped or collected.
    public let reserved: Int64
    public var available: Int64 { onHand - reserved }

    public init(location: String, sku: String, onHand: Int64, reserved: Int64) {
        self.location = location
        self.sku = sku
        self.onHand = onHand
        self.reserved = reserved
    }
}

/// Why stock changed.
public enum StockReason: String, Sendable, CaseIterable {
    /// Goods arrived.
    case receipt
    /// Goods left: an order shipped or collected, or a sale recorded by hand.
    case sale
    /// A customer return put back on the shelf.
    case `return`
    /// A stock count corrected the figure.
    case count
    /// A placed order set units aside.
    case reservation
    /// A cancelled order gave its units back.
    case release
    /// A transfer took units to another location.
    case transferOut = "transfer_out"
    /// A transfer brought units from another location (or back, when cancelled on the way).
    case transferIn = "transfer_in"

    /// The reasons an admin may give for a manual adjustment.
    public static let manual: [StockReason] = [.receipt, .sale, .return, .count]
}

/// A change of on-hand stock by `delta` units (negative takes away).
public struct StockAdjustment: Sendable {
    public let location: String
    public let sku: String
    public let delta: Int64
    public let reason: StockReason
    public let note: String?
    /// `admin`, or the channel that caused the change.
    public let actor: String
    public let now: Date

    public init(location: String, sku: String, delta: Int64, reason: StockReason, note: String?, actor: String, now: Date = Date()) {
        self.location = location
        self.sku = sku
        self.delta = delta
        self.reason = reason
        self.note = note
        self.actor = actor
        self.now = now
    }
}

/// One recorded change of stock.
public struct StockMovement: Sendable, Equatable {
    public let id: Int64
    public let location: String
    public let sku: String
    public let onHandDelta: Int64
    public let reservedDelta: Int64
    public let reason: StockReason
    /// The order or return that caused it.
    public let reference: String?
    public let note: String?
    public let actor: String
    public let at: Date
}

/// Why a stock change was refused.
public enum InventoryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not enough available units of `sku` at `location`.
    case insufficientStock(sku: String, location: String)
    /// Taking `delta` away would leave less on hand than is reserved.
    case belowReserved(sku: String, location: String)

    public var description: String {
        switch self {
        case .insufficientStock(let sku, let location): "not enough of \(sku) available at \(location)"
        case .belowReserved(let sku, let location): "\(sku) at \(location) cannot go below the units reserved for orders"
        }
    }
}
