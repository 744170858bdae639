import Foundation

/// Lets a browser open a cart's live stream (`GET /v1/carts/{id}/events?stream_token=…`) although
/// `EventSource` cannot send `Authorization` or `Pasar-Channel`: an authenticated
/// `POST /v1/carts/{id}/stream-tokens` issues one, signed, naming the cart and the caller it acts
/// for, valid for `lifetime` to connect (a stream that is open stays open). It opens that one
/// cart's stream and nothing else.
struct CartStreamToken: Equatable {
    static let lifetime: TimeInterval = 120
    static let queryName = "stream_token"

    let cartID: String
    let expires: Date
    let caller: Caller

    /// The signing key, derived from the recovery key so several processes sharing one
    /// `PASAR_RECOVERY_KEY` accept each other's tokens.
    static func key(from settings: CartSettings) -> [UInt8] { SignedToken.derivedKey(settings.recoveryKey, purpose: "pasar cart stream token") }

    func signed(key: [UInt8]) -> String {
        let channel = caller.channel ?? ""
        return SignedToken.sign("\(cartID)\n\(Int64(expires.timeIntervalSince1970))\n\(channel)\n\(caller.name)", key: key)
    }

    /// The token when its signature is valid, it names `cartID` and it has not expired.
    static func verify(_ text: String, cartID: String, key: [UInt8], now: Date = Date()) -> CartStreamToken? {
        guard text.utf8.count <= 512, let payload = SignedToken.verify(text, key: key) else { return nil }
        let fields = payload.split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 4, fields[0] == cartID, let seconds = Int64(fields[1]) else { return nil }
        let expires = Date(timeIntervalSince1970: Double(seconds))
        guard expires > now else { return nil }
        let caller = fields[2].isEmpty ? Caller.anonymous : Caller(name: fields[3], role: .channel(fields[2]))
        return CartStreamToken(cartID: cartID, expires: expires, caller: caller)
    }

    /// The cart id of `/v1/carts/{id}/events`, the one path a stream token opens.
    static func streamedCartID(path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == "v1", parts[2] == "carts", parts[4] == "events" else { return nil }
        return String(parts[3])
    }
}
