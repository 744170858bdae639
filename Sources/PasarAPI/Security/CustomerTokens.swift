public import Foundation
import Crypto
import JWTKit

/// Signed customer tokens (JWT, HS256): issued by `POST /v1/admin/customer-tokens` for the
/// merchant's sign-in or identity system, or by that system itself with the same key, and presented
/// as `Pasar-Customer-Token` on customer-scoped routes. Subject and expiry are verified.
public final class CustomerTokens: Sendable {
    struct Payload: JWTPayload {
        let sub: SubjectClaim
        let exp: ExpirationClaim
        let iat: IssuedAtClaim

        func verify(using algorithm: some JWTAlgorithm) async throws {
            try exp.verifyNotExpired()
        }
    }

    private let keys: JWTKeyCollection

    /// `key`: the HMAC key shared with the identity system (32+ bytes).
    public init(key: [UInt8]) async {
        keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(key: SymmetricKey(data: key)), digestAlgorithm: .sha256)
    }

    func issue(customerID: String, lifetime: TimeInterval, now: Date = Date()) async throws -> (token: String, expires: Date) {
        let expires = now.addingTimeInterval(lifetime)
        let payload = Payload(sub: SubjectClaim(value: customerID), exp: ExpirationClaim(value: expires), iat: IssuedAtClaim(value: now))
        return (try await keys.sign(payload), expires)
    }

    /// The customer id of a valid, unexpired token; nil otherwise.
    func customerID(fromToken token: String) async -> String? {
        guard token.utf8.count <= 4096, let payload = try? await keys.verify(token, as: Payload.self) else { return nil }
        return payload.sub.value
    }
}
