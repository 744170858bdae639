import Foundation
import NIOSSL
import PostgresNIO

/// Where a PostgreSQL database is, read from a libpq-style URL:
///
/// ```
/// postgres://pasar:secret@db.internal:5432/pasar?sslmode=require
/// postgres://pasar@/pasar?host=/var/run/postgresql     (local socket directory)
/// ```
///
/// `sslmode` is `disable` (the default on a local socket), `prefer` or `require` (the default over TCP).
public struct PostgresLocation: Sendable, Equatable {
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        /// The socket file itself (`<directory>/.s.PGSQL.<port>`).
        case socket(path: String)
    }

    public enum TLSMode: String, Sendable {
        case disable, prefer, require
    }

    public var endpoint: Endpoint
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    /// Whether `text` names a PostgreSQL database rather than a SQLite file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Fails with a message naming what is wrong with the URL.
    public init(url text: String) throws(PostgresLocationError) {
        guard Self.isURL(text), let components = URLComponents(string: text) else {
            throw PostgresLocationError("'\(Self.redacted(text))' is not a postgres:// URL")
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let port = components.port ?? query["port"].flatMap(Int.init) ?? 5432
        let host = components.host.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding } ?? query["host"] ?? "/var/run/postgresql"
        endpoint = host.hasPrefix("/") ? .socket(path: "\(host)/.s.PGSQL.\(port)") : .tcp(host: host, port: port)
        username = components.user?.removingPercentEncoding ?? query["user"] ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password = components.password?.removingPercentEncoding ?? query["password"]
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? username : path
        let defaultMode: TLSMode = if case .socket = endpoint { .disable } else { .require }
        guard let mode = TLSMode(rawValue: query["sslmode"] ?? defaultMode.rawValue) else {
            throw PostgresLocationError("sslmode must be disable, prefer or require")
        }
        tls = mode
    }

    /// `host:port` or the socket path, for messages.
    public var server: String {
        switch endpoint {
        case .tcp(let host, let port): "\(host):\(port)"
        case .socket(let path): path
        }
    }

    /// The same server, another database (tests create one database per server).
    public func database(_ name: String) -> PostgresLocation {
        var copy = self
        copy.database = name
        return copy
    }

    /// The URL without its password, for logs.
    public static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? "postgres://…"
    }

    func clientConfiguration(maximumConnections: Int) -> PostgresClient.Configuration {
        let tlsSetting: PostgresClient.Configuration.TLS =
            switch tls {
            case .disable: .disable
            case .prefer: .prefer(.makeClientConfiguration())
            case .require: .require(.makeClientConfiguration())
            }
        var configuration: PostgresClient.Configuration =
            switch endpoint {
            case .tcp(let host, let port):
                .init(host: host, port: port, username: username, password: password, database: database, tls: tlsSetting)
            case .socket(let path):
                .init(unixSocketPath: path, username: username, password: password, database: database)
            }
        configuration.options.maximumConnections = maximumConnections
        // A server that drops packets is given up on and tried again sooner than the default 10 s.
        configuration.options.connectTimeout = .seconds(5)
        configuration.options.additionalStartupParameters = [("application_name", "pasar")]
        return configuration
    }
}

public struct PostgresLocationError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
