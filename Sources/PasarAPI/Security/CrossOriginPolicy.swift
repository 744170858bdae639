import Foundation

/// Which browser origins may call the storefront routes (`--cors-origin`, `PASAR_CORS_ORIGINS`).
/// Origins are exact (`https://shop.example.com`, `http://localhost:3000`): no wildcards, and a
/// request's `Origin` is never echoed unless it is on the list.
public struct CrossOriginPolicy: Sendable {
    public let origins: Set<String>

    public static let none = CrossOriginPolicy(validated: [])

    /// How long a browser may reuse a preflight's answer.
    static let maxAgeSeconds = 600

    /// Every request header a storefront route reads.
    static let allowedHeaders = [
        "Authorization", "Content-Type", "If-Match", "If-None-Match", "Idempotency-Key", "Pasar-Channel", "Pasar-Customer-Token",
        "Accept-Language",
    ]
    static let allowedMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]
    /// The response headers page JavaScript may read beyond the CORS-safelisted ones.
    static let exposedHeaders = ["ETag", "Content-Language", "Retry-After", "X-Request-Id", "Location", "WWW-Authenticate"]

    private init(validated: Set<String>) {
        origins = validated
    }

    /// Parses and checks each origin; throws naming the first that is not `scheme://host[:port]`.
    public init(origins: [String]) throws {
        self.init(validated: Set(try origins.map(Self.normalized)))
    }

    /// `PASAR_CORS_ORIGINS`: origins separated by commas or spaces.
    public static func origins(fromEnvironment value: String) -> [String] {
        value.split { $0 == "," || $0 == " " }.map(String.init)
    }

    public var isEmpty: Bool { origins.isEmpty }

    func allows(origin: String) -> Bool { origins.contains(origin) }

    /// Admin and support routes answer browsers without any CORS header, so a browser never reads
    /// them cross-origin whatever the key; these are the paths `buildRouter` puts behind
    /// `AdminOnlyMiddleware`.
    static func isBrowserRoute(_ path: Substring) -> Bool {
        if path == DemoSite.keysPath { return true }
        guard path.hasPrefix("/v1/") else { return false }
        if path.hasPrefix("/v1/admin/") || path == "/v1/events" { return false }
        if path.hasPrefix("/v1/customers/"), path.hasSuffix("/overview") { return false }
        return true
    }

    /// An origin as browsers send it: lower-case scheme and host, the port only when not the default.
    public static func normalized(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = components.host?.lowercased(), !host.isEmpty, !host.contains("*"),
            components.path.isEmpty, components.query == nil, components.fragment == nil, components.user == nil
        else {
            throw CrossOriginError(
                "CORS origin '\(trimmed)': expected an exact origin such as https://shop.example.com (scheme, host and optional port; no path, no wildcard)")
        }
        let defaultPort = scheme == "https" ? 443 : 80
        let port = components.port.flatMap { $0 == defaultPort ? nil : $0 }
        return "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "")
    }
}

/// A `--cors-origin` that is not an exact origin.
public struct CrossOriginError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) { self.description = description }
}
