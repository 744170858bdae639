import Crypto

/// The admin API key, kept only as a SHA-256 digest and compared in constant time.
public struct AdminKey: Sendable {
    private let digest: [UInt8]

    /// Refuses keys shorter than 16 characters: admin keys guard every write.
    public init?(_ key: String) {
        guard key.count >= 16 else { return nil }
        digest = Array(SHA256.hash(data: Array(key.utf8)))
    }

    public func matches(_ candidate: String) -> Bool {
        let other = Array(SHA256.hash(data: Array(candidate.utf8)))
        return zip(digest, other).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
