import Foundation

/// Unguessable identifiers for carts and lines: 144 random bits from the system's CSPRNG,
/// written in URL-safe base64 (24 characters).
enum CartIdentifier {
    static func make() -> String { base64URL(randomBytes(18)) }

    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// URL-safe base64 without padding (RFC 4648 §5).
    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// A cart id as this server issues it: 24 URL-safe base64 characters.
    static func isWellFormed(_ id: String) -> Bool {
        id.utf8.count == 24 && id.utf8.allSatisfy { $0 == 45 || $0 == 95 || (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) }
    }
}
