import Foundation
import PasarCore
import PostgresNIO

extension PostgresCartStore {
    public func signIn(customerID: String, email: String?, limits: CartLimits, write: CartWrite) async throws -> CartMergeResult {
        // Two guest carts of one customer signing in at once: the second to commit breaks "one active cart
        // per customer and market"; run it again, and it merges into the cart the first one handed over.
        for attempt in 1... {
            do {
                return try await database.write { connection in try await signIn(connection, customerID: customerID, email: email, limits: limits, write: write) }
            } catch let error as PSQLError where error.isUniqueViolation && attempt < 3 {
                continue
            }
        }
        fatalError("unreachable")
    }

    private func signIn(
        _ connection: PostgresConnection, customerID: String, email: String?, limits: CartLimits, write: CartWrite
    ) async throws -> CartMergeResult {
        // The guest's version check applies to the guest cart; the customer's cart takes the merge.
        try await touch(connection, write, itemsChanged: false)
        let guest = try await requireCart(connection, id: write.cartID, now: write.now)
        let existing = try await connection.value(
            """
            SELECT id FROM carts WHERE customer_id = \(customerID) AND market = \(guest.market) AND status = 'active'
              AND id != \(guest.id) AND updated_at > \(expiryCutoff(write.now))
            """, as: String.self)
        guard let target = existing else {
            try await connection.execute("UPDATE carts SET customer_id = \(customerID), email = coalesce(\(email), email) WHERE id = \(write.cartID)")
            return CartMergeResult(cart: try await requireCart(connection, id: write.cartID, now: write.now), changes: [], mergedCartID: nil)
        }
        let targetWrite = CartWrite(cartID: target, channel: write.channel, now: write.now)
        return try await mergeLines(connection, from: guest.id, into: targetWrite, limits: limits)
    }

    public func merge(sourceID: String, limits: CartLimits, write: CartWrite) async throws -> CartMergeResult {
        try await database.write { connection in
            guard sourceID != write.cartID else { throw CartStoreError.differentMarkets(sourceID, sourceID) }
            guard let source = try await fetchCart(connection, id: sourceID, now: write.now) else { throw CartStoreError.cartNotFound(sourceID) }
            if source.status != .active { throw CartStoreError.notActive(source) }
            return try await mergeLines(connection, from: sourceID, into: write, limits: limits)
        }
    }

    /// Applies `CartMerge`'s policy inside the caller's transaction, then retires the source cart. Both
    /// carts are locked before their lines are read, so no line added from another device is lost.
    private func mergeLines(_ connection: PostgresConnection, from sourceID: String, into write: CartWrite, limits: CartLimits) async throws
        -> CartMergeResult
    {
        try await touch(connection, write, itemsChanged: true)
        try await connection.execute("SELECT 1 FROM carts WHERE id = \(sourceID) FOR UPDATE")
        let source = try await requireCart(connection, id: sourceID, now: write.now)
        if source.status != .active { throw CartStoreError.notActive(source) }
        let target = try await requireCart(connection, id: write.cartID, now: write.now)
        guard source.market == target.market else { throw CartStoreError.differentMarkets(source.market, target.market) }
        let merge = CartMergeSteps(source: source, into: target, limits: limits)
        for step in merge.steps {
            switch step {
            case .move(let lineID, let quantity):
                try await connection.execute("UPDATE cart_lines SET cart_id = \(write.cartID), quantity = \(quantity) WHERE id = \(lineID)")
            case .update(let lineID, let quantity, let priced):
                try await connection.execute(
                    """
                    UPDATE cart_lines SET quantity = \(quantity), unit_minor = \(priced.unitMinorUnits), tax_rate = \(priced.taxRate),
                        unavailable_reason = \(priced.unavailableReason), priced_at = \(priced.pricedAt.millis), updated_at = \(write.now.millis)
                    WHERE id = \(lineID)
                    """)
            }
        }
        if target.vouchers.isEmpty {
            try await connection.execute("UPDATE cart_vouchers SET cart_id = \(write.cartID) WHERE cart_id = \(sourceID)")
        }
        try await connection.execute(
            "UPDATE carts SET status = 'merged', merged_into = \(write.cartID), version = version + 1, updated_at = \(write.now.millis) WHERE id = \(sourceID)")
        try await connection.execute("UPDATE carts SET email = coalesce(email, \(source.email)) WHERE id = \(write.cartID)")
        for channel in source.channels where !target.channels.contains(channel) {
            try await connection.execute("UPDATE carts SET channels = channels || \(channel) || ',' WHERE id = \(write.cartID)")
        }
        return CartMergeResult(cart: try await requireCart(connection, id: write.cartID, now: write.now), changes: merge.changes, mergedCartID: sourceID)
    }
}
