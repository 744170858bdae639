import Crypto
import Foundation

/// The configured API keys, held only as SHA-256 digests and compared in constant time. Keys come
/// from a keys file (digests only) or the environment (`PASAR_API_KEYS=web=…,pos=…`, hashed on
/// load); they are never logged.
public struct APIKeyring: Sendable {
    public struct Entry: Sendable {
        public let name: String
        public let role: Caller.Role
        /// Lower-case hex SHA-256 of the key.
        public let sha256: String
        /// A publishable key's origins (`CrossOriginPolicy.normalized`); nil for a secret key.
        public let publishableOrigins: Set<String>?
        /// A staff key's stores; nil for a key not bound to stores.
        public let stores: Set<String>?

        /// `publishableOrigins`: the pages a publishable channel key (one that sits in browser
        /// JavaScript, so is no secret) may be used from; nil for a secret key. `stores`: the stores
        /// a staff key (a channel key of the till) is bound to.
        public init(name: String, role: Caller.Role, sha256: String, publishableOrigins: Set<String>? = nil, stores: Set<String>? = nil) {
            self.name = name
            self.role = role
            self.sha256 = sha256.lowercased()
            self.publishableOrigins = publishableOrigins
            self.stores = stores
        }

        /// An entry for a key given in clear (environment, tests); only its digest is kept.
        public init(name: String, role: Caller.Role, key: String, publishableOrigins: Set<String>? = nil, stores: Set<String>? = nil) {
            self.init(name: name, role: role, sha256: APIKeyring.digest(key), publishableOrigins: publishableOrigins, stores: stores)
        }
    }

    /// Keys shorter than this are refused: they guard money and customer data.
    public static let minimumKeyLength = 16

    private let entries: [Entry]
    /// Requests without a key are served as `Caller.anonymous` (storefront only).
    public let allowsAnonymous: Bool

    public init(entries: [Entry], allowsAnonymous: Bool) {
        self.entries = entries
        self.allowsAnonymous = allowsAnonymous
    }

    public var hasAdminKey: Bool { entries.contains { $0.role == .admin } }
    public var channelKeyCount: Int { entries.filter { $0.channel != nil }.count }
    /// Every origin a publishable key names; browsers there must pass CORS too.
    public var publishableOrigins: Set<String> { entries.reduce(into: []) { $0.formUnion($1.publishableOrigins ?? []) } }

    /// The caller a presented key belongs to, or nil for an unknown key.
    func caller(presenting key: String) -> Caller? {
        let presented = Array(Self.digest(key).utf8)
        var found: Entry?
        // Compare against every entry so the time taken does not tell which one matched.
        for entry in entries {
            let stored = Array(entry.sha256.utf8)
            let difference = zip(stored, presented).reduce(UInt8(stored.count == presented.count ? 0 : 1)) { $0 | ($1.0 ^ $1.1) }
            if difference == 0 { found = entry }
        }
        return found.map { Caller(name: $0.name, role: $0.role, publishableOrigins: $0.publishableOrigins, stores: $0.stores) }
    }

    /// A new random key: 32 characters (about 186 bits) without look-alike characters. Publishable
    /// keys start `pk_`, secret ones `sk_`, so a secret key pasted into a page stands out.
    public static func newKey(publishable: Bool) -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789")
        return (publishable ? "pk_" : "sk_") + String((0..<32).map { _ in alphabet.randomElement(using: &generator)! })
    }

    public static func digest(_ key: String) -> String {
        SHA256.hash(data: Array(key.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Parses `PASAR_API_KEYS`: comma-separated `channel=key` pairs (the key's name is the channel);
    /// a staff key names its stores after the channel: `pos@berlin-mitte@hamburg=key`.
    public static func entries(fromEnvironment value: String) throws -> [Entry] {
        try value.split(separator: ",").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw KeyringError("PASAR_API_KEYS: expected channel=key (or channel@store=key) pairs separated by commas")
            }
            guard parts[1].count >= minimumKeyLength else {
                throw KeyringError("PASAR_API_KEYS: the key of \(parts[0]) must be at least \(minimumKeyLength) characters")
            }
            let names = parts[0].split(separator: "@", omittingEmptySubsequences: false).map(String.init)
            guard !names.contains(where: \.isEmpty) else { throw KeyringError("PASAR_API_KEYS: \(parts[0]): empty channel or store") }
            return Entry(name: parts[0], role: .channel(names[0]), key: parts[1], stores: names.count > 1 ? Set(names.dropFirst()) : nil)
        }
    }
}

/// A keys configuration that cannot be used, with the reason.
public struct KeyringError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}

extension APIKeyring.Entry {
    var channel: String? {
        if case .channel(let channel) = role { return channel }
        return nil
    }
}
