import Crypto
import Foundation

/// `base64url(payload).base64url(HMAC-SHA256(payload))`: the shape of the short tokens Pasar signs
/// (cart recovery links, live-cart stream tokens). Verification checks the signature only; each
/// token type parses and checks its own payload.
enum SignedToken {
    static func sign(_ payload: String, key: [UInt8]) -> String {
        let signature = HMAC<SHA256>.authenticationCode(for: Array(payload.utf8), using: SymmetricKey(data: key))
        return "\(CartIdentifier.base64URL(Array(payload.utf8))).\(CartIdentifier.base64URL(Array(signature)))"
    }

    /// The payload when the signature is valid.
    static func verify(_ text: String, key: [UInt8]) -> String? {
        let parts = text.split(separator: ".")
        guard parts.count == 2, let payload = decode(parts[0]), let signature = decode(parts[1]),
            HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: payload, using: SymmetricKey(data: key))
        else { return nil }
        return String(decoding: payload, as: UTF8.self)
    }

    /// A key for one purpose derived from a configured one, so tokens of one type never pass as another.
    static func derivedKey(_ key: [UInt8], purpose: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(purpose.utf8), using: SymmetricKey(data: key)))
    }

    private static func decode(_ text: Substring) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64).map(Array.init)
    }
}
