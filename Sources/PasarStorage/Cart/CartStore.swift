public import FoundationEssentials
public import PasarCore

/// Persistence of shared carts. Every write is one atomic transaction that bumps the cart's version
/// and records the writing channel; quantities change by SQL increments, never by writing back a
/// value read earlier, so concurrent devices lose nothing.
public protocol CartStore: Sendable {
    func create(_ cart: NewCart) async throws -> StoredCart
    /// The cart, or nil when it does not exist or expired.
    func cart(id: String) async throws -> StoredCart?
    func activeCart(customerID: String, market: String) async throws -> StoredCart?

    /// Adds `quantity` of a variant, or increments its line; the price snapshot is refreshed.
    /// `market` is the market the price was computed for.
    func addLine(_ line: NewCartLine, market: String, limits: CartLimits, write: CartWrite) async throws -> StoredCart
    /// Sets a line's quantity; `price` (when given) re-applies its quantity tiers.
    func setQuantity(lineID: String, quantity: Int64, price: LinePrice?, write: CartWrite) async throws -> StoredCart
    func removeLine(lineID: String, write: CartWrite) async throws -> StoredCart
    /// Moves the cart to another market with every line repriced (prices keyed by line id).
    func switchMarket(to market: String, currency: String, prices: [String: LinePrice], fromMarket: String, write: CartWrite) async throws
        -> StoredCart
    func addVoucher(code: String, write: CartWrite) async throws -> StoredCart
    func removeVoucher(code: String, write: CartWrite) async throws -> StoredCart
    func setShippingMethod(_ method: String?, write: CartWrite) async throws -> StoredCart
    /// Sets the loyalty points the cart redeems at checkout (0: none); the ledger is not touched
    /// until then.
    func setLoyaltyPoints(_ points: Int64, write: CartWrite) async throws -> StoredCart
    /// Gives a guest cart to a customer; when the customer already has an active cart in that market
    /// the guest cart is merged into it (`CartMerge`), and that cart is returned.
    func signIn(customerID: String, email: String?, limits: CartLimits, write: CartWrite) async throws -> CartMergeResult
    /// Merges `sourceID` into the cart of `write` (same market).
    func merge(sourceID: String, limits: CartLimits, write: CartWrite) async throws -> CartMergeResult

    /// Active carts with lines, a customer or email, and no line change since `idleSince`, oldest first.
    func abandoned(idleSince: Date, after cursor: AbandonedCursor?, limit: Int) async throws -> [StoredCart]
    /// Records a recovery token as spent; false when it was spent before.
    func spendRecoveryToken(nonce: String, cartID: String, at now: Date) async throws -> Bool
    /// Records `code` as opening `cartID` until `expires`; false when the code still opens another
    /// cart (the caller draws another). An expired code is reused.
    func saveCode(_ code: CartCode, cartID: String, expires: Date, now: Date) async throws -> Bool
    /// The cart a code opens, nil when there is none or it expired.
    func cartID(code: CartCode, now: Date) async throws -> String?
    /// Deletes carts idle for longer than the lifetime, and expired cart codes; returns how many carts.
    func purgeExpired(now: Date) async throws -> Int

    func saveVoucher(_ voucher: Voucher) async throws
    func voucher(code: String) async throws -> Voucher?
    func vouchers(codes: [String]) async throws -> [String: Voucher]
}

public struct NewCart: Sendable {
    public let id: String
    public let market: String
    public let currency: String
    public let customerID: String?
    public let email: String?
    public let channel: String
    /// The language the cart is used in (BCP-47), for a guest's reminder.
    public let language: String?
    /// True when the guest agreed to marketing email at `email` (abandoned-cart reminders).
    public let marketingConsent: Bool
    public let now: Date

    public init(
        id: String, market: String, currency: String, customerID: String?, email: String?, channel: String, language: String? = nil,
        marketingConsent: Bool = false, now: Date = Date()
    ) {
        self.id = id
        self.market = market
        self.currency = currency
        self.customerID = customerID
        self.email = email
        self.channel = channel
        self.language = language
        self.marketingConsent = marketingConsent && email != nil
        self.now = now
    }
}

public struct NewCartLine: Sendable {
    public let id: String
    public let sku: String
    public let productID: String
    public let quantity: Int64
    public let price: LinePrice

    public init(id: String, sku: String, productID: String, quantity: Int64, price: LinePrice) {
        self.id = id
        self.sku = sku
        self.productID = productID
        self.quantity = quantity
        self.price = price
    }
}

/// Bounds that keep one cart from growing without limit.
public struct CartLimits: Sendable {
    public let maxQuantityPerLine: Int64
    public let maxLines: Int

    public init(maxQuantityPerLine: Int64 = 999, maxLines: Int = 100) {
        self.maxQuantityPerLine = maxQuantityPerLine
        self.maxLines = maxLines
    }
}

public struct CartMergeResult: Sendable {
    public let cart: StoredCart
    /// Empty when nothing was merged (the guest cart simply became the customer's).
    public let changes: [CartMerge.Change]
    /// The cart that was merged away, if any.
    public let mergedCartID: String?
}

/// Where a page of abandoned carts ends.
public struct AbandonedCursor: Sendable, Equatable {
    public let itemsUpdatedAt: Int64
    public let cartID: String

    public init(itemsUpdatedAt: Int64, cartID: String) {
        self.itemsUpdatedAt = itemsUpdatedAt
        self.cartID = cartID
    }

    /// The cursor of the page that ends with `cart`.
    public init(after cart: StoredCart) {
        self.init(itemsUpdatedAt: cart.itemsUpdatedAt.millis, cartID: cart.id)
    }

    public init?(token: String) {
        let parts = token.split(separator: "_", maxSplits: 1)
        guard parts.count == 2, let time = Int64(parts[0]) else { return nil }
        self.init(itemsUpdatedAt: time, cartID: String(parts[1]))
    }

    public var token: String { "\(itemsUpdatedAt)_\(cartID)" }
}
