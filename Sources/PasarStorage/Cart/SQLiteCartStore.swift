public import Foundation
import GRDB
public import PasarCore

/// Carts on the embedded SQLite database. SQLite runs one write transaction at a time, and every
/// change below is a single transaction whose quantity updates are SQL increments; the version check
/// (`If-Match`) and the change commit together, so a stale writer can never overwrite a newer cart.
public final class SQLiteCartStore: CartStore {
    let pool: MeteredPool
    /// Carts untouched for longer are expired: invisible to reads and deleted by `purgeExpired`.
    let lifetime: TimeInterval

    public init(database: SQLiteDatabase, lifetime: TimeInterval) {
        pool = database.metered
        self.lifetime = lifetime
    }

    // MARK: Reads

    public func cart(id: String) async throws -> StoredCart? {
        try await pool.read { [self] db in try fetchCart(db, id: id, now: Date()) }
    }

    public func activeCart(customerID: String, market: String) async throws -> StoredCart? {
        try await pool.read { [self] db in
            let id = try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM carts WHERE customer_id = ? AND market = ? AND status = 'active'"),
                arguments: [customerID, market])
            return try id.flatMap { try fetchCart(db, id: $0, now: Date()) }
        }
    }

    public func abandoned(idleSince: Date, after cursor: AbandonedCursor?, limit: Int) async throws -> [StoredCart] {
        try await pool.read { [self] db in
            let ids = try String.fetchAll(
                db.cachedStatement(sql: """
                    SELECT id FROM carts
                    WHERE status = 'active' AND items_updated_at <= ? AND updated_at > ?
                      AND (customer_id IS NOT NULL OR email IS NOT NULL)
                      AND EXISTS (SELECT 1 FROM cart_lines WHERE cart_id = carts.id)
                      AND (? IS NULL OR (items_updated_at, id) > (?, ?))
                    ORDER BY items_updated_at, id LIMIT ?
                    """),
                arguments: [
                    idleSince.millis, expiryCutoff(Date()), cursor?.itemsUpdatedAt, cursor?.itemsUpdatedAt, cursor?.cartID, limit,
                ])
            return try ids.compactMap { try fetchCart(db, id: $0, now: Date()) }
        }
    }

    // MARK: Writes

    public func create(_ cart: NewCart) async throws -> StoredCart {
        try await pool.write { [self] db in
            do {
                try db.executeCached(
                    sql: """
                        INSERT INTO carts (id, market, currency, customer_id, email, channels, created_at, updated_at, items_updated_at,
                            language, marketing_consent_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        cart.id, cart.market, cart.currency, cart.customerID, cart.email, ",\(cart.channel),", cart.now.millis,
                        cart.now.millis, cart.now.millis, cart.language, cart.marketingConsent ? cart.now.millis : nil,
                    ])
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                let existing = try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM carts WHERE customer_id = ? AND market = ? AND status = 'active'"),
                    arguments: [cart.customerID, cart.market])
                throw CartStoreError.customerHasCart(market: cart.market, cartID: existing ?? "")
            }
            return try requireCart(db, id: cart.id, now: cart.now)
        }
    }

    public func addLine(_ line: NewCartLine, market: String, limits: CartLimits, write: CartWrite) async throws -> StoredCart {
        try await pool.write { [self] db in
            try touch(db, write, itemsChanged: true, market: market)
            guard line.quantity <= limits.maxQuantityPerLine else { throw CartStoreError.quantityLimit(max: limits.maxQuantityPerLine) }
            // One statement: a new SKU only while the cart has room, an increment only up to the maximum.
            let stored = try Row.fetchOne(
                db.cachedStatement(sql: """
                    INSERT INTO cart_lines (id, cart_id, sku, product_id, quantity, unit_minor, tax_rate, unavailable_reason,
                                            channel, added_at, updated_at, priced_at, compare_at_minor, customer_group)
                    SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?10, ?13, ?14
                    WHERE EXISTS (SELECT 1 FROM cart_lines WHERE cart_id = ?2 AND sku = ?3)
                       OR (SELECT count(*) FROM cart_lines WHERE cart_id = ?2) < ?12
                    ON CONFLICT(cart_id, sku) DO UPDATE SET
                        quantity = quantity + excluded.quantity, unit_minor = excluded.unit_minor,
                        tax_rate = excluded.tax_rate, unavailable_reason = excluded.unavailable_reason,
                        updated_at = excluded.updated_at, priced_at = excluded.priced_at,
                        compare_at_minor = excluded.compare_at_minor, customer_group = excluded.customer_group
                    WHERE quantity + excluded.quantity <= ?11
                    RETURNING id, quantity
                    """),
                arguments: [
                    line.id, write.cartID, line.sku, line.productID, line.quantity, line.price.unitMinorUnits, line.price.taxRate,
                    line.price.unavailableReason, write.channel, write.now.millis, limits.maxQuantityPerLine, limits.maxLines,
                    line.price.compareAtMinorUnits, line.price.customerGroup,
                ])
            guard let stored else {
                let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM cart_lines WHERE cart_id = ? AND sku = ?", arguments: [write.cartID, line.sku]) ?? false
                throw CartLineLimits.refusal(lineExists: exists, limits: limits)
            }
            try applyTier(db, lineID: stored["id"], quantity: stored["quantity"], price: line.price)
            return try requireCart(db, id: write.cartID, now: write.now)
        }
    }

    public func setQuantity(lineID: String, quantity: Int64, price: LinePrice?, write: CartWrite) async throws -> StoredCart {
        try await pool.write { [self] db in
            try touch(db, write, itemsChanged: true)
            try db.executeCached(
                sql: "UPDATE cart_lines SET quantity = ?, updated_at = ? WHERE id = ? AND cart_id = ?",
                arguments: [quantity, write.now.millis, lineID, write.cartID])
            guard db.changesCount == 1 else { throw CartStoreError.lineNotFound(lineID) }
            if let price { try applyTier(db, lineID: lineID, quantity: quantity, price: price) }
            return try requireCart(db, id: write.cartID, now: write.now)
        }
    }

    public func removeLine(lineID: String, write: CartWrite) async throws -> StoredCart {
        try await pool.write { [self] db in
            try touch(db, write, itemsChanged: true)
            try db.executeCached(sql: "DELETE FROM cart_lines WHERE id = ? AND cart_id = ?", arguments: [lineID, write.cartID])
            guard db.changesCount == 1 else { throw CartStoreError.lineNotFound(lineID) }
            return try requireCart(db, id: write.cartID, now: write.now)
        }
    }

    public func switchMarket(
        to market: String, currency: String, prices: [String: LinePrice], fromMarket: String, write: CartWrite
    ) async throws -> StoredCart {
        try await pool.write { [self] db in
            try touch(db, write, itemsChanged: true, market: fromMarket)
            let lineIDs = try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM cart_lines WHERE cart_id = ?"), arguments: [write.cartID])
            // A line added since the prices were computed has no price here: price again.
            guard Set(lineIDs).isSubset(of: prices.keys) else { throw CartStoreError.marketChanged }
            do {
                try db.executeCached(
                    sql: "UPDATE carts SET market = ?, currency = ?, shipping_method = NULL, loyalty_points = 0 WHERE id = ?",
                    arguments: [market, currency, write.cartID])
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                let cart = try requireCart(db, id: write.cartID, now: write.now)
                let existing = try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM carts WHERE customer_id = ? AND market = ? AND status = 'active'"),
                    arguments: [cart.customerID, market])
                throw CartStoreError.customerHasCart(market: market, cartID: existing ?? "")
            }
            for id in lineIDs {
                guard let price = prices[id] else { continue }
                try db.executeCached(
                    sql: """
                        UPDATE cart_lines SET unit_minor = ?, tax_rate = ?, unavailable_reason = ?, priced_at = ?,
                            compare_at_minor = ?, customer_group = ?
                        WHERE id = ?
                        """,
                    arguments: [
                        price.unitMinorUnits, price.taxRate, price.unavailableReason, write.now.millis, price.compareAtMinorUnits, price.customerGroup, id,
                    ])
                let quantity = try Int64.fetchOne(db.cachedStatement(sql: "SELECT quantity FROM cart_lines WHERE id = ?"), arguments: [id]) ?? 1
                try applyTier(db, lineID: id, quantity: quantity, price: price)
            }
            return try requireCart(db, id: write.cartID, now: write.now)
        }
    }

    public func addVoucher(code: String, write: CartWrite) async throws -> StoredCart {
        try await pool.write { [self] db in
            try touch(db, write, itemsChanged: false)
            try db.executeCached(
                sql: "INSERT INTO cart_vouchers (cart_id, code, applied_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                arguments: [write.cartID, code, write.now.millis])
            return try requireCart(db, id: write.cartID, now: write.now)
        }
    }

    public func removeVoucher(code: String, write: CartWrite) async throws -> StoredCart {
        try await pool.write { [self] db in
            try touch(db, write, itemsChanged: false)
            try db.executeCached(sql: "DELETE FROM cart_vouchers WHERE cart_id = ? AND code = ?", arguments: [write.cartID, code])
            guard db.changesCount == 1 else { throw CartStoreError.voucherNotOnCart(code) }
            return try requireCart(db, id: write.cartID, now: write.now)
        }
    }

    public func setShippingMethod(_ method: String?, write: CartWrite) async throws -> StoredCart {
        try await pool.write { [self] db in
            try touch(db, write, itemsChanged: false)
            try db.executeCached(sql: "UPDATE carts SET shipping_method = ? WHERE id = ?", arguments: [method, write.cartID])
            return try requireCart(db, id: write.cartID, now: write.now)
        }
    }

    public func setLoyaltyPoints(_ points: Int64, write: CartWrite) async throws -> StoredCart {
        try await pool.write { [self] db in
            try touch(db, write, itemsChanged: false)
            try db.executeCached(sql: "UPDATE carts SET loyalty_points = ? WHERE id = ?", arguments: [points, write.cartID])
            return try requireCart(db, id: write.cartID, now: write.now)
        }
    }

    public func purgeExpired(now: Date) async throws -> Int {
        try await pool.write { [self] db in
            try db.executeCached(sql: "DELETE FROM carts WHERE status = 'active' AND updated_at <= ?", arguments: [expiryCutoff(now)])
            let carts = db.changesCount
            try SQLiteSQL.execute(db, CartCodeSQL.purge(now: now))
            return carts
        }
    }

    public func saveCode(_ code: CartCode, cartID: String, expires: Date, now: Date) async throws -> Bool {
        try await pool.write { db in
            try SQLiteSQL.execute(db, CartCodeSQL.save(code, cartID: cartID, expires: expires, now: now))
            return db.changesCount == 1
        }
    }

    public func cartID(code: CartCode, now: Date) async throws -> String? {
        try await pool.read { db in
            guard case .text(let id) = try SQLiteSQL.rows(db, CartCodeSQL.cartID(code, now: now)).first?.first else { return nil }
            return id
        }
    }

    public func spendRecoveryToken(nonce: String, cartID: String, at now: Date) async throws -> Bool {
        try await pool.write { db in
            try db.executeCached(
                sql: "INSERT INTO spent_recovery_tokens (nonce, cart_id, spent_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                arguments: [nonce, cartID, now.millis])
            return db.changesCount == 1
        }
    }

    // MARK: Shared steps

    /// Sets the unit price a line's final quantity earns (tier prices), in the caller's transaction.
    func applyTier(_ db: Database, lineID: String, quantity: Int64, price: LinePrice) throws {
        guard !price.tiers.isEmpty, let unit = price.unitMinorUnits(forQuantity: quantity) else { return }
        try db.executeCached(sql: "UPDATE cart_lines SET unit_minor = ? WHERE id = ?", arguments: [unit, lineID])
    }

    /// The first step of every write: checks the cart exists, is active, is in `market` (when given) and
    /// is at the expected version, then bumps the version and records the channel. It runs inside the
    /// write transaction, so its checks still hold when the transaction commits.
    func touch(_ db: Database, _ write: CartWrite, itemsChanged: Bool, market: String? = nil) throws {
        try db.executeCached(
            sql: """
                UPDATE carts SET version = version + 1, updated_at = ?1,
                    items_updated_at = CASE WHEN ?2 THEN ?1 ELSE items_updated_at END,
                    channels = CASE WHEN instr(channels, ',' || ?3 || ',') > 0 THEN channels ELSE channels || ?3 || ',' END
                WHERE id = ?4 AND status = 'active' AND updated_at > ?5 AND (?6 IS NULL OR version = ?6) AND (?7 IS NULL OR market = ?7)
                """,
            arguments: [write.now.millis, itemsChanged, write.channel, write.cartID, expiryCutoff(write.now), write.expectedVersion, market])
        guard db.changesCount == 0 else { return }
        throw CartTouchRefusal.error(for: try fetchCart(db, id: write.cartID, now: write.now), write: write)
    }

    func expiryCutoff(_ now: Date) -> Int64 { now.addingTimeInterval(-lifetime).millis }

    func requireCart(_ db: Database, id: String, now: Date) throws -> StoredCart {
        guard let cart = try fetchCart(db, id: id, now: now) else { throw CartStoreError.cartNotFound(id) }
        return cart
    }

    func fetchCart(_ db: Database, id: String, now: Date) throws -> StoredCart? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT \(StoredCart.sqliteColumns) FROM carts WHERE id = ? AND (status != 'active' OR updated_at > ?)"),
                arguments: [id, expiryCutoff(now)])
        else { return nil }
        let lines = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT \(StoredCartLine.sqliteColumns) FROM cart_lines WHERE cart_id = ? ORDER BY added_at, id"), arguments: [id]
        ).map(StoredCartLine.init(row:))
        let vouchers = try String.fetchAll(db.cachedStatement(sql: "SELECT code FROM cart_vouchers WHERE cart_id = ? ORDER BY applied_at, code"), arguments: [id])
        return try StoredCart(row: row, lines: lines, vouchers: vouchers)
    }
}

// Rows are read by position: GRDB's lookup by name lowercases the name on every access, which was
// 7 % of a cart write's profile. The column lists and the positions below go together.
extension StoredCart {
    static let sqliteColumns =
        "id, market, currency, customer_id, email, status, merged_into, version, channels, shipping_method, created_at, updated_at, items_updated_at, loyalty_points"

    init(row: Row, lines: [StoredCartLine], vouchers: [String]) throws {
        guard let status = Status(rawValue: row[5]) else { throw StorageError.corrupt("cart status") }
        self.init(
            id: row[0], market: row[1], currency: row[2], customerID: row[3], email: row[4],
            status: status, mergedInto: row[6], version: row[7],
            channels: (row[8] as String).split(separator: ",").map(String.init),
            shippingMethod: row[9], createdAt: Date(millis: row[10]),
            updatedAt: Date(millis: row[11]), itemsUpdatedAt: Date(millis: row[12]), lines: lines,
            vouchers: vouchers, loyaltyPoints: row[13])
    }
}

extension StoredCartLine {
    static let sqliteColumns =
        "id, sku, product_id, quantity, unit_minor, tax_rate, unavailable_reason, channel, added_at, updated_at, priced_at, compare_at_minor, customer_group"

    init(row: Row) {
        self.init(
            id: row[0], sku: row[1], productID: row[2], quantity: row[3], unitMinorUnits: row[4], taxRate: row[5], unavailableReason: row[6],
            channel: row[7], addedAt: Date(millis: row[8]), updatedAt: Date(millis: row[9]), pricedAt: Date(millis: row[10]),
            compareAtMinorUnits: row[11], customerGroup: row[12])
    }
}

extension Date {
    /// Milliseconds since 1970, the unit of cart timestamps in the database.
    var millis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }

    init(millis: Int64) { self.init(timeIntervalSince1970: Double(millis) / 1000) }
}
