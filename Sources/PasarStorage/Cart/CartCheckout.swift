import FoundationEssentials
import GRDB

/// Closing a cart when its order is placed, inside the order's transaction: the conditional update
/// lets only one checkout of a cart succeed, and the cart stops being anyone's active cart.
enum CartCheckout {
    /// False when the cart is no longer active (checked out or merged meanwhile).
    static func close(_ db: Database, cartID: String, now: Date) throws -> Bool {
        try db.executeCached(
            sql: "UPDATE carts SET status = 'checked_out', version = version + 1, updated_at = ? WHERE id = ? AND status = 'active'",
            arguments: [now.millis, cartID])
        return db.changesCount == 1
    }
}
