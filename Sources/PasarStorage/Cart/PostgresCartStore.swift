public import Foundation
public import PasarCore
import PostgresNIO

/// Carts on a PostgreSQL database shared by several processes. Every write starts with `touch`, a
/// conditional `UPDATE` of the cart row: it checks status, market and `If-Match` version and locks
/// the row until commit, so writes to one cart from any process run one after the other and every
/// later statement of the transaction sees the cart as the previous writer left it. Quantities still
/// change by SQL increments.
public final class PostgresCartStore: CartStore {
    let database: PostgresDatabase
    /// Carts untouched for longer are expired: invisible to reads and deleted by `purgeExpired`.
    let lifetime: TimeInterval

    public init(database: PostgresDatabase, lifetime: TimeInterval) {
        self.database = database
        self.lifetime = lifetime
    }

    // MARK: Reads

    public func cart(id: String) async throws -> StoredCart? {
        try await database.read { connection in try await fetchCart(connection, id: id, now: Date()) }
    }

    public func activeCart(customerID: String, market: String) async throws -> StoredCart? {
        try await database.read { connection in
            let id = try await activeCartID(connection, customerID: customerID, market: market)
            return try await id.asyncFlatMap { try await fetchCart(connection, id: $0, now: Date()) }
        }
    }

    public func abandoned(idleSince: Date, after cursor: AbandonedCursor?, limit: Int) async throws -> [StoredCart] {
        try await database.read { connection in
            let ids = try await connection.values(
                """
                SELECT id FROM carts
                WHERE status = 'active' AND items_updated_at <= \(idleSince.millis) AND updated_at > \(expiryCutoff(Date()))
                  AND (customer_id IS NOT NULL OR email IS NOT NULL)
                  AND EXISTS (SELECT 1 FROM cart_lines WHERE cart_id = carts.id)
                  AND (\(cursor?.itemsUpdatedAt)::BIGINT IS NULL OR (items_updated_at, id) > (\(cursor?.itemsUpdatedAt), \(cursor?.cartID)))
                ORDER BY items_updated_at, id COLLATE "C" LIMIT \(limit)
                """, as: String.self)
            var carts: [StoredCart] = []
            for id in ids {
                if let cart = try await fetchCart(connection, id: id, now: Date()) { carts.append(cart) }
            }
            return carts
        }
    }

    // MARK: Writes

    public func create(_ cart: NewCart) async throws -> StoredCart {
        do {
            return try await database.write { connection in
                try await connection.execute(
                    """
                    INSERT INTO carts (id, market, currency, customer_id, email, channels, created_at, updated_at, items_updated_at, language,
                        marketing_consent_at)
                    VALUES (\(cart.id), \(cart.market), \(cart.currency), \(cart.customerID), \(cart.email), \(",\(cart.channel),"),
                            \(cart.now.millis), \(cart.now.millis), \(cart.now.millis), \(cart.language), \(cart.marketingConsent ? cart.now.millis : nil))
                    """)
                return try await requireCart(connection, id: cart.id, now: cart.now)
            }
        } catch let error as PSQLError where error.isUniqueViolation {
            throw try await customerHasCart(customerID: cart.customerID, market: cart.market)
        }
    }

    public func addLine(_ line: NewCartLine, market: String, limits: CartLimits, write: CartWrite) async throws -> StoredCart {
        try await database.write { connection in
            // One round trip for the touch and the line; the refusals are told apart only when they happen.
            let result = try await connection.rows(
                PostgresCartStatements.TouchAndAddLine(line: line, write: write, market: market, limits: limits, expiryCutoff: expiryCutoff(write.now))
            ).first
            guard let result, try result.get("touched", as: Int64.self) == 1 else {
                throw CartTouchRefusal.error(for: try await fetchCart(connection, id: write.cartID, now: write.now), write: write)
            }
            guard line.quantity <= limits.maxQuantityPerLine, let lineID = try result.get("id", as: String?.self) else {
                let exists = try await connection.value(
                    "SELECT count(*) FROM cart_lines WHERE cart_id = \(write.cartID) AND sku = \(line.sku)", as: Int64.self) ?? 0
                throw CartLineLimits.refusal(lineExists: exists > 0 || line.quantity > limits.maxQuantityPerLine, limits: limits)
            }
            try await applyTier(connection, lineID: lineID, quantity: try result.get("quantity"), price: line.price)
            return try await requireCart(connection, id: write.cartID, now: write.now)
        }
    }

    public func setQuantity(lineID: String, quantity: Int64, price: LinePrice?, write: CartWrite) async throws -> StoredCart {
        try await database.write { connection in
            try await touch(connection, write, itemsChanged: true)
            let changed = try await connection.execute(
                "UPDATE cart_lines SET quantity = \(quantity), updated_at = \(write.now.millis) WHERE id = \(lineID) AND cart_id = \(write.cartID)")
            guard changed == 1 else { throw CartStoreError.lineNotFound(lineID) }
            if let price { try await applyTier(connection, lineID: lineID, quantity: quantity, price: price) }
            return try await requireCart(connection, id: write.cartID, now: write.now)
        }
    }

    public func removeLine(lineID: String, write: CartWrite) async throws -> StoredCart {
        try await database.write { connection in
            try await touch(connection, write, itemsChanged: true)
            let removed = try await connection.execute("DELETE FROM cart_lines WHERE id = \(lineID) AND cart_id = \(write.cartID)")
            guard removed == 1 else { throw CartStoreError.lineNotFound(lineID) }
            return try await requireCart(connection, id: write.cartID, now: write.now)
        }
    }

    public func switchMarket(
        to market: String, currency: String, prices: [String: LinePrice], fromMarket: String, write: CartWrite
    ) async throws -> StoredCart {
        do {
            return try await database.write { connection in
                try await touch(connection, write, itemsChanged: true, market: fromMarket)
                let lineIDs = try await connection.values("SELECT id FROM cart_lines WHERE cart_id = \(write.cartID)", as: String.self)
                // A line added since the prices were computed has no price here: price again.
                guard Set(lineIDs).isSubset(of: prices.keys) else { throw CartStoreError.marketChanged }
                try await connection.execute(
                    "UPDATE carts SET market = \(market), currency = \(currency), shipping_method = NULL, loyalty_points = 0 WHERE id = \(write.cartID)")
                for id in lineIDs {
                    guard let price = prices[id] else { continue }
                    let quantity = try await connection.value(
                        """
                        UPDATE cart_lines SET unit_minor = \(price.unitMinorUnits), tax_rate = \(price.taxRate),
                            unavailable_reason = \(price.unavailableReason), priced_at = \(write.now.millis),
                            compare_at_minor = \(price.compareAtMinorUnits), customer_group = \(price.customerGroup)
                        WHERE id = \(id) RETURNING quantity
                        """, as: Int64.self)
                    try await applyTier(connection, lineID: id, quantity: quantity ?? 1, price: price)
                }
                return try await requireCart(connection, id: write.cartID, now: write.now)
            }
        } catch let error as PSQLError where error.isUniqueViolation {
            let customerID = try await cart(id: write.cartID)?.customerID
            throw try await customerHasCart(customerID: customerID, market: market)
        }
    }

    public func addVoucher(code: String, write: CartWrite) async throws -> StoredCart {
        try await database.write { connection in
            try await touch(connection, write, itemsChanged: false)
            try await connection.execute(
                "INSERT INTO cart_vouchers (cart_id, code, applied_at) VALUES (\(write.cartID), \(code), \(write.now.millis)) ON CONFLICT DO NOTHING")
            return try await requireCart(connection, id: write.cartID, now: write.now)
        }
    }

    public func removeVoucher(code: String, write: CartWrite) async throws -> StoredCart {
        try await database.write { connection in
            try await touch(connection, write, itemsChanged: false)
            let removed = try await connection.execute("DELETE FROM cart_vouchers WHERE cart_id = \(write.cartID) AND code = \(code)")
            guard removed == 1 else { throw CartStoreError.voucherNotOnCart(code) }
            return try await requireCart(connection, id: write.cartID, now: write.now)
        }
    }

    public func setShippingMethod(_ method: String?, write: CartWrite) async throws -> StoredCart {
        try await database.write { connection in
            try await touch(connection, write, itemsChanged: false)
            try await connection.execute("UPDATE carts SET shipping_method = \(method) WHERE id = \(write.cartID)")
            return try await requireCart(connection, id: write.cartID, now: write.now)
        }
    }

    public func setLoyaltyPoints(_ points: Int64, write: CartWrite) async throws -> StoredCart {
        try await database.write { connection in
            try await touch(connection, write, itemsChanged: false)
            try await connection.execute("UPDATE carts SET loyalty_points = \(points) WHERE id = \(write.cartID)")
            return try await requireCart(connection, id: write.cartID, now: write.now)
        }
    }

    public func purgeExpired(now: Date) async throws -> Int {
        try await database.write { connection in
            let carts = try await connection.execute("DELETE FROM carts WHERE status = 'active' AND updated_at <= \(expiryCutoff(now))")
            try await PostgresSQL.execute(connection, CartCodeSQL.purge(now: now))
            return carts
        }
    }

    public func saveCode(_ code: CartCode, cartID: String, expires: Date, now: Date) async throws -> Bool {
        try await database.write { connection in
            try await connection.execute(PostgresSQL.query(CartCodeSQL.save(code, cartID: cartID, expires: expires, now: now))) == 1
        }
    }

    public func cartID(code: CartCode, now: Date) async throws -> String? {
        try await database.read { connection in
            guard case .text(let id) = try await PostgresSQL.rows(connection, CartCodeSQL.cartID(code, now: now)).first?.first else { return nil }
            return id
        }
    }

    public func spendRecoveryToken(nonce: String, cartID: String, at now: Date) async throws -> Bool {
        try await database.write { connection in
            try await connection.execute(
                "INSERT INTO spent_recovery_tokens (nonce, cart_id, spent_at) VALUES (\(nonce), \(cartID), \(now.millis)) ON CONFLICT DO NOTHING"
            ) == 1
        }
    }

    // MARK: Shared steps

    /// Sets the unit price a line's final quantity earns (tier prices), in the caller's transaction.
    func applyTier(_ connection: PostgresConnection, lineID: String, quantity: Int64, price: LinePrice) async throws {
        guard !price.tiers.isEmpty, let unit = price.unitMinorUnits(forQuantity: quantity) else { return }
        try await connection.execute("UPDATE cart_lines SET unit_minor = \(unit) WHERE id = \(lineID)")
    }

    /// The first step of every write: checks the cart exists, is active, is in `market` (when given) and
    /// is at the expected version, then bumps the version and records the channel. The row stays locked
    /// until the transaction ends; a concurrent writer waits here and then checks against the new version.
    func touch(_ connection: PostgresConnection, _ write: CartWrite, itemsChanged: Bool, market: String? = nil) async throws {
        let touched = try await connection.rows(
            PostgresCartStatements.Touch(write: write, itemsChanged: itemsChanged, market: market, expiryCutoff: expiryCutoff(write.now)))
        guard touched.isEmpty else { return }
        throw CartTouchRefusal.error(for: try await fetchCart(connection, id: write.cartID, now: write.now), write: write)
    }

    func expiryCutoff(_ now: Date) -> Int64 { now.addingTimeInterval(-lifetime).millis }

    func requireCart(_ connection: PostgresConnection, id: String, now: Date) async throws -> StoredCart {
        guard let cart = try await fetchCart(connection, id: id, now: now) else { throw CartStoreError.cartNotFound(id) }
        return cart
    }

    /// The cart with its lines and vouchers in one round trip.
    func fetchCart(_ connection: PostgresConnection, id: String, now: Date) async throws -> StoredCart? {
        guard let row = try await connection.rows(PostgresCartStatements.Fetch(id: id, expiryCutoff: expiryCutoff(now))).first else { return nil }
        let lines = try JSONColumn.decode([CartLineRecord].self, from: try row.get("lines_json")).map(\.line)
        let vouchers = try JSONColumn.decode([String].self, from: try row.get("vouchers_json"))
        return try StoredCart(row: row, lines: lines, vouchers: vouchers)
    }

    func activeCartID(_ connection: PostgresConnection, customerID: String, market: String) async throws -> String? {
        try await connection.value(
            "SELECT id FROM carts WHERE customer_id = \(customerID) AND market = \(market) AND status = 'active'", as: String.self)
    }

    /// The error for a unique violation of "one active cart per customer and market", naming that cart.
    /// Read after the failed transaction rolled back (PostgreSQL takes no more statements in it).
    private func customerHasCart(customerID: String?, market: String) async throws -> CartStoreError {
        let existing = try await database.read { connection in
            try await customerID.asyncFlatMap { try await activeCartID(connection, customerID: $0, market: market) }
        }
        return .customerHasCart(market: market, cartID: existing ?? "")
    }
}

extension StoredCart {
    init(row: PostgresRandomAccessRow, lines: [StoredCartLine], vouchers: [String]) throws {
        guard let status = Status(rawValue: try row.get("status")) else { throw StorageError.corrupt("cart status") }
        self.init(
            id: try row.get("id"), market: try row.get("market"), currency: try row.get("currency"),
            customerID: try row.get("customer_id", as: String?.self), email: try row.get("email", as: String?.self), status: status,
            mergedInto: try row.get("merged_into", as: String?.self), version: try row.get("version"),
            channels: (try row.get("channels", as: String.self)).split(separator: ",").map(String.init),
            shippingMethod: try row.get("shipping_method", as: String?.self), createdAt: Date(millis: try row.get("created_at")),
            updatedAt: Date(millis: try row.get("updated_at")), itemsUpdatedAt: Date(millis: try row.get("items_updated_at")), lines: lines,
            vouchers: vouchers, loyaltyPoints: try row.get("loyalty_points"))
    }
}

/// A `cart_lines` row as `json_agg` writes it: column names as keys.
private struct CartLineRecord: Decodable {
    let id: String
    let sku: String
    let product_id: String
    let quantity: Int64
    let unit_minor: Int64?
    let tax_rate: String?
    let unavailable_reason: String?
    let channel: String
    let added_at: Int64
    let updated_at: Int64
    let priced_at: Int64
    let compare_at_minor: Int64?
    let customer_group: String?

    var line: StoredCartLine {
        StoredCartLine(
            id: id, sku: sku, productID: product_id, quantity: quantity, unitMinorUnits: unit_minor, taxRate: tax_rate,
            unavailableReason: unavailable_reason, channel: channel, addedAt: Date(millis: added_at), updatedAt: Date(millis: updated_at),
            pricedAt: Date(millis: priced_at), compareAtMinorUnits: compare_at_minor, customerGroup: customer_group)
    }
}

extension Optional {
    /// `flatMap` for an async transform.
    func asyncFlatMap<Result>(_ transform: (Wrapped) async throws -> Result?) async rethrows -> Result? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
