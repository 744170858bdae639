/// Why a cart write's first step (the conditional `touch` update) changed no row, decided once for
/// both cart stores from the cart read back in the same transaction: gone or expired, no longer
/// active, at another version than the client's `If-Match`, or else in another market than the
/// write was priced for.
enum CartTouchRefusal {
    static func error(for cart: StoredCart?, write: CartWrite) -> CartStoreError {
        guard let cart else { return .cartNotFound(write.cartID) }
        if cart.status != .active { return .notActive(cart) }
        if let expected = write.expectedVersion, expected != cart.version { return .stale(cart) }
        return .marketChanged
    }
}
