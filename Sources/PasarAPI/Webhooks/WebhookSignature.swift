import Crypto
import Foundation

/// Signatures as the Standard Webhooks specification defines them: the secret is `whsec_` + base64 of
/// the key; each attempt signs `id.timestamp.body` with HMAC-SHA256 and sends `v1,<base64>`, one per
/// signing secret, space-separated (two during a secret rotation).
enum WebhookSignature {
    static let secretPrefix = "whsec_"

    /// A new secret of 32 random bytes (the specification asks for 24 to 64).
    static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return secretPrefix + Data(key).base64EncodedString()
    }

    /// The `webhook-signature` header for one attempt.
    static func header(id: String, timestamp: Int64, body: [UInt8], secrets: [String]) -> String {
        var signed = Array("\(id).\(timestamp).".utf8)
        signed += body
        return secrets.compactMap { secret -> String? in
            guard secret.hasPrefix(secretPrefix), let key = Data(base64Encoded: String(secret.dropFirst(secretPrefix.count))) else { return nil }
            let mac = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: key))
            return "v1," + Data(mac).base64EncodedString()
        }.joined(separator: " ")
    }
}
