import Foundation
import PasarAPI
import Yams

/// The API keys file (`--keys`, `PASAR_KEYS_FILE`): digests only, so the file is no secret.
///
/// ```yaml
/// keys:
///   - name: web-shop          # shown in logs instead of the key
///     channel: web
///     sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
///   - name: shop-browser      # a publishable key: in page JavaScript, so no secret
///     channel: web
///     publishable: true
///     origins: [https://shop.example.com]
///     sha256: …
///   - name: till-berlin       # a staff key: the till of one store (or several)
///     channel: pos
///     stores: [berlin-mitte]
///     sha256: …
///   - name: back-office
///     role: admin
///     sha256: …
/// ```
/// `pasar keys new NAME --channel web` makes a key and prints its entry.
enum KeysFile {
    struct Document: Decodable {
        struct Key: Decodable {
            let name: String
            let channel: String?
            let role: String?
            let sha256: String
            let publishable: Bool?
            let origins: [String]?
            let stores: [String]?
        }

        let keys: [Key]
    }

    static func entries(at path: String) throws -> [APIKeyring.Entry] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw KeyringError("\(path): cannot be read")
        }
        let document: Document
        do {
            document = try YAMLDecoder().decode(Document.self, from: text)
        } catch {
            throw KeyringError("\(path): expected `keys:` with name, channel or role: admin, and sha256 per key (\(error))")
        }
        return try document.keys.enumerated().map { index, key in
            let where_ = "\(path): keys[\(index)]"
            guard key.sha256.count == 64, key.sha256.allSatisfy(\.isHexDigit) else {
                throw KeyringError("\(where_).sha256: must be 64 hex digits (the SHA-256 of the key)")
            }
            let origins = try publishableOrigins(of: key, at: where_)
            let stores = try self.stores(of: key, at: where_)
            switch (key.channel, key.role) {
            case (let channel?, nil):
                return APIKeyring.Entry(name: key.name, role: .channel(channel), sha256: key.sha256, publishableOrigins: origins, stores: stores)
            case (nil, "admin") where stores != nil: throw KeyringError("\(where_): an admin key is not bound to stores (it has every right)")
            case (nil, "admin") where origins != nil: throw KeyringError("\(where_): an admin key cannot be publishable")
            case (nil, "admin"): return APIKeyring.Entry(name: key.name, role: .admin, sha256: key.sha256)
            default: throw KeyringError("\(where_): give either `channel: <channel>` or `role: admin`")
            }
        }
    }

    /// A staff key's stores, checked; nil for a key not bound to stores.
    private static func stores(of key: Document.Key, at where_: String) throws -> Set<String>? {
        guard let stores = key.stores else { return nil }
        guard !stores.isEmpty, !stores.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw KeyringError("\(where_).stores: name at least one store id of the market files")
        }
        guard key.publishable != true else { throw KeyringError("\(where_).stores: a staff key is secret, not publishable") }
        return Set(stores)
    }

    /// A publishable key's origins, checked; nil for a secret key.
    private static func publishableOrigins(of key: Document.Key, at where_: String) throws -> Set<String>? {
        guard key.publishable == true else {
            guard key.origins == nil else { throw KeyringError("\(where_).origins: only a publishable key (publishable: true) names origins") }
            return nil
        }
        guard let origins = key.origins, !origins.isEmpty else {
            throw KeyringError("\(where_).origins: a publishable key needs the origins of the pages that use it")
        }
        do {
            return Set(try origins.map(CrossOriginPolicy.normalized))
        } catch {
            throw KeyringError("\(where_).origins: \(error)")
        }
    }
}
