import Foundation

/// A signed, one-time link token that reopens an abandoned cart in any channel:
/// `SignedToken` of `cartID.expiry.nonce`. The signature proves the server issued
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

    private func signed(key: [UInt8]) -> String { SignedToken.sign(payload, key: key) }

    /// The token's content when the signature is valid; expiry is checked by the caller.
    static func verify(_ text: String, key: [UInt8]) -> CartRecoveryToken? {
        guard let payload = SignedToken.verify(text, key: key) else { return nil }
        let fields = payload.split(separator: ".")
        guard fields.count == 3, let seconds = Int64(fields[1]) else { return nil }
        return CartRecoveryToken(cartID: String(fields[0]), expires: Date(timeIntervalSince1970: Double(seconds)), nonce: String(fields[2]))
    }
}
