public import FoundationEssentials

/// A cart as stored: prices are snapshots taken when a line was added or repriced; totals are
/// computed from them on every read.
public struct StoredCart: Sendable, Equatable {
    public enum Status: String, Sendable {
        case active
        /// Merged into another cart (`mergedInto`) when its guest signed in.
        case merged
        /// Turned into an order.
        case checkedOut = "checked_out"
    }

    public let id: String
    public let market: String
    public let currency: String
    public let customerID: String?
    public let email: String?
    public let status: Status
    public let mergedInto: String?
    /// Grows by one with every change; the HTTP `ETag`.
    public let version: Int64
    /// Every channel that touched the cart, in first-touch order.
    public let channels: [String]
    public let shippingMethod: String?
    public let createdAt: Date
    public let updatedAt: Date
    /// The last change to the lines (for abandoned-cart reminders).
    public let itemsUpdatedAt: Date
    public let lines: [StoredCartLine]
    /// Voucher codes in the order they were applied.
    public let vouchers: [String]
    /// The signed-in customer's loyalty points the cart redeems at checkout (0: none).
    public var loyaltyPoints: Int64 = 0
}

/// A cart line with the price snapshot it was last priced at.
public struct StoredCartLine: Sendable, Equatable {
    public let id: String
    public let sku: String
    public let productID: String
    public let quantity: Int64
    /// The unit amount as the market lists it (gross or net), in the cart's currency; nil when the
    /// variant is not sold in the cart's market (`unavailableReason` says why).
    public let unitMinorUnits: Int64?
    public let taxRate: String?
    public let unavailableReason: String?
    /// The channel that added the line.
    public let channel: String
    public let addedAt: Date
    public let updatedAt: Date
    public let pricedAt: Date
    /// The everyday one-unit price when the line is priced lower (a sale, a channel or group price).
    public var compareAtMinorUnits: Int64? = nil
    /// The customer group whose price the line has, nil for a price anyone gets.
    public var customerGroup: String? = nil
}

/// A line's price in a market, computed by the caller before the write: the one-unit price and,
/// when the price list has quantity tiers, the unit price from each tier's minimum quantity. The
/// store picks the unit price for the quantity the line ends up with, inside the write.
public struct LinePrice: Sendable, Equatable {
    public struct Tier: Sendable, Equatable {
        public let minQuantity: Int64
        public let unitMinorUnits: Int64

        public init(minQuantity: Int64, unitMinorUnits: Int64) {
            self.minQuantity = minQuantity
            self.unitMinorUnits = unitMinorUnits
        }
    }

    public let unitMinorUnits: Int64?
    public let taxRate: String?
    public let unavailableReason: String?
    /// Cheaper unit prices from a minimum quantity, in ascending order of quantity.
    public let tiers: [Tier]
    /// The everyday one-unit price when `unitMinorUnits` is lower (shown as compare-at).
    public let compareAtMinorUnits: Int64?
    /// The customer group whose price `unitMinorUnits` is; nil for a price anyone gets.
    public let customerGroup: String?

    public init(unitMinorUnits: Int64, taxRate: String, tiers: [Tier] = [], compareAtMinorUnits: Int64? = nil, customerGroup: String? = nil) {
        self.unitMinorUnits = unitMinorUnits
        self.taxRate = taxRate
        self.unavailableReason = nil
        self.tiers = tiers.sorted { $0.minQuantity < $1.minQuantity }
        self.compareAtMinorUnits = compareAtMinorUnits
        self.customerGroup = customerGroup
    }

    public init(unavailable reason: String) {
        unitMinorUnits = nil
        taxRate = nil
        unavailableReason = reason
        tiers = []
        compareAtMinorUnits = nil
        customerGroup = nil
    }

    /// The unit price for a line of `quantity` units: the highest tier reached, else the one-unit price.
    public func unitMinorUnits(forQuantity quantity: Int64) -> Int64? {
        tiers.last { $0.minQuantity <= quantity }?.unitMinorUnits ?? unitMinorUnits
    }
}

/// Who writes, and which version they saw: every cart write carries one.
public struct CartWrite: Sendable {
    public let cartID: String
    public let channel: String
    /// The `If-Match` version; nil writes unconditionally (still atomically).
    public let expectedVersion: Int64?
    public let now: Date

    public init(cartID: String, channel: String, expectedVersion: Int64? = nil, now: Date = Date()) {
        self.cartID = cartID
        self.channel = channel
        self.expectedVersion = expectedVersion
        self.now = now
    }
}
