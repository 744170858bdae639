import FoundationEssentials
import PasarCore

/// The statements behind cart codes (`CartCode`), written once for both databases. A code row lives
/// until it expires; saving over an expired row reuses the code, saving over a live one changes nothing.
enum CartCodeSQL {
    static func save(_ code: CartCode, cartID: String, expires: Date, now: Date) -> SQLFragment {
        """
        INSERT INTO cart_codes (code, cart_id, expires_at) VALUES (\(code.value), \(cartID), \(expires.millis))
        ON CONFLICT (code) DO UPDATE SET cart_id = excluded.cart_id, expires_at = excluded.expires_at
        WHERE cart_codes.expires_at <= \(now.millis)
        """
    }

    static func cartID(_ code: CartCode, now: Date) -> SQLFragment {
        "SELECT cart_id FROM cart_codes WHERE code = \(code.value) AND expires_at > \(now.millis)"
    }

    static func purge(now: Date) -> SQLFragment {
        "DELETE FROM cart_codes WHERE expires_at <= \(now.millis)"
    }
}
