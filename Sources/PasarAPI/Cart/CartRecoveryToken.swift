import Crypto
import Foundation

/// A signed, one-time link token that reopens an abandoned cart in any channel:
/// `base64url(cartID.expiry.nonce).base64url(HMAC-SHA256)`. The signature proves the server issued
/// it; the nonce is recorded when spent, so a token works once.
struct CartRecoveryToken {
    let cartID: String
    let expires: Date
    let nonce: String

    static func issue(cartID: String, lifetime: TimeInterval, key: [UInt8], now: Date = Date()) -> String {
        let token = CartRecoveryToken(
            cartID: cartID, expires: now.addingTimeInterval(lifetime), nonce: CartIdentifier.base64URL(CartIdentifier.randomBytes(12)))
        return token.signed(key: key)
    }

    private var payload: String { "\(cartID).\(Int64(expires.timeIntervalSince1970)).\(nonce)" }

    private func signed(key: [UInt8]) -> String {
        let signature = HMAC<SHA256>.authenticationCode(for: Array(payload.utf8), using: SymmetricKey(data: key))
        return "\(CartIdentifier.base64URL(Array(payload.utf8))).\(CartIdentifier.base64URL(Array(signature)))"
    }

    /// The token's content when the signature is valid; expiry is checked by the caller.
    static func verify(_ text: String, key: [UInt8]) -> CartRecoveryToken? {
        let parts = text.split(separator: ".")
        guard parts.count == 2, let payload = decode(String(parts[0])), let signature = decode(String(parts[1])),
            HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: payload, using: SymmetricKey(data: key))
        else { return nil }
        let fields = String(decoding: payload, as: UTF8.self).split(separator: ".")
        guard fields.count == 3, let seconds = Int64(fields[1]) else { return nil }
        return CartRecoveryToken(cartID: String(fields[0]), expires: Date(timeIntervalSince1970: Double(seconds)), nonce: String(fields[2]))
    }

    private static func decode(_ text: String) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64).map(Array.init)
    }
}
