import Foundation
import GRDB
import PasarCore

extension SQLiteCartStore {
    public func signIn(customerID: String, email: String?, limits: CartLimits, write: CartWrite) async throws -> CartMergeResult {
        try await pool.write { [self] db in
            guard let guest = try fetchCart(db, id: write.cartID, now: write.now) else { throw CartStoreError.cartNotFound(write.cartID) }
            let existing = try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM carts WHERE customer_id = ? AND market = ? AND status = 'active' AND id != ? AND updated_at > ?"),
                arguments: [customerID, guest.market, guest.id, expiryCutoff(write.now)])
            guard let target = existing else {
                try touch(db, write, itemsChanged: false)
                try db.executeCached(
                    sql: "UPDATE carts SET customer_id = ?, email = coalesce(?, email) WHERE id = ?",
                    arguments: [customerID, email, write.cartID])
                return CartMergeResult(cart: try requireCart(db, id: write.cartID, now: write.now), changes: [], mergedCartID: nil)
            }
            // The guest's version check applies to the guest cart; the customer's cart takes the merge.
            try touch(db, write, itemsChanged: false)
            let targetWrite = CartWrite(cartID: target, channel: write.channel, now: write.now)
            return try mergeLines(db, from: guest.id, into: targetWrite, limits: limits)
        }
    }

    public func merge(sourceID: String, limits: CartLimits, write: CartWrite) async throws -> CartMergeResult {
        try await pool.write { [self] db in
            guard sourceID != write.cartID else { throw CartStoreError.differentMarkets(sourceID, sourceID) }
            guard let source = try fetchCart(db, id: sourceID, now: write.now) else { throw CartStoreError.cartNotFound(sourceID) }
            if source.status != .active { throw CartStoreError.notActive(source) }
            return try mergeLines(db, from: sourceID, into: write, limits: limits)
        }
    }

    /// Applies `CartMerge`'s policy inside the caller's write transaction, then retires the source cart.
    private func mergeLines(_ db: Database, from sourceID: String, into write: CartWrite, limits: CartLimits) throws -> CartMergeResult {
        try touch(db, write, itemsChanged: true)
        let source = try requireCart(db, id: sourceID, now: write.now)
        let target = try requireCart(db, id: write.cartID, now: write.now)
        guard source.market == target.market else { throw CartStoreError.differentMarkets(source.market, target.market) }
        let merge = CartMergeSteps(source: source, into: target, limits: limits)
        for step in merge.steps {
            switch step {
            case .move(let lineID, let quantity):
                try db.executeCached(
                    sql: "UPDATE cart_lines SET cart_id = ?, quantity = ? WHERE id = ?", arguments: [write.cartID, quantity, lineID])
            case .update(let lineID, let quantity, let priced):
                try db.executeCached(
                    sql: """
                        UPDATE cart_lines SET quantity = ?, unit_minor = ?, tax_rate = ?, unavailable_reason = ?, priced_at = ?, updated_at = ?
                        WHERE id = ?
                        """,
                    arguments: [
                        quantity, priced.unitMinorUnits, priced.taxRate, priced.unavailableReason, priced.pricedAt.millis, write.now.millis, lineID,
                    ])
            }
        }
        if target.vouchers.isEmpty {
            try db.executeCached(
                sql: "UPDATE cart_vouchers SET cart_id = ? WHERE cart_id = ?", arguments: [write.cartID, sourceID])
        }
        try db.executeCached(
            sql: "UPDATE carts SET status = 'merged', merged_into = ?, version = version + 1, updated_at = ? WHERE id = ?",
            arguments: [write.cartID, write.now.millis, sourceID])
        try db.executeCached(
            sql: "UPDATE carts SET email = coalesce(email, ?), customer_id = coalesce(customer_id, ?) WHERE id = ?",
            arguments: [source.email, nil as String?, write.cartID])
        for channel in source.channels where !target.channels.contains(channel) {
            try db.executeCached(sql: "UPDATE carts SET channels = channels || ? || ',' WHERE id = ?", arguments: [channel, write.cartID])
        }
        return CartMergeResult(cart: try requireCart(db, id: write.cartID, now: write.now), changes: merge.changes, mergedCartID: sourceID)
    }
}
