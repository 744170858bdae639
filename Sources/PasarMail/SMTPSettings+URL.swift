import Foundation

/// Why an SMTP URL was refused; no case ever carries the password.
public enum SMTPSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not a URL at all.
    case notAURL
    /// The scheme is not `smtp` or `smtps`.
    case unsupportedScheme(String)
    /// The URL has no host.
    case missingHost
    /// The port is not a number from 1 to 65535.
    case invalidPort(String)
    /// `security=` has a value other than none, starttls or tls.
    case unknownSecurity(String)
    /// `smtps://` (implicit TLS) was combined with a different `security=`.
    case conflictingSecurity(String)
    /// A query parameter this parser does not know.
    case unknownParameter(String)
    /// A timeout parameter is not a positive number of seconds.
    case invalidTimeout(parameter: String, value: String)
    /// A password was given without a user name.
    case passwordWithoutUsername

    public var description: String {
        let accepted = SMTPSettings.Security.allCases.map(\.rawValue).joined(separator: ", ")
        return switch self {
        case .notAURL: "SMTP URL is not a valid URL (percent-encode special characters in the user and password)"
        case let .unsupportedScheme(scheme): "SMTP URL scheme \"\(scheme)\" is not supported; use smtp:// or smtps://"
        case .missingHost: "SMTP URL has no host"
        case let .invalidPort(port): "SMTP URL port \"\(port)\" is not a number from 1 to 65535"
        case let .unknownSecurity(value): "SMTP URL security \"\(value)\" is unknown; use one of \(accepted)"
        case let .conflictingSecurity(value): "smtps:// means implicit TLS and cannot be combined with security=\(value)"
        case let .unknownParameter(name):
            "SMTP URL parameter \"\(name)\" is unknown; known ones are \(SMTPSettings.urlParameters.sorted().joined(separator: ", "))"
        case let .invalidTimeout(parameter, value): "SMTP URL \(parameter) \"\(value)\" is not a positive number of seconds"
        case .passwordWithoutUsername: "SMTP URL has a password but no user name"
        }
    }
}

extension SMTPSettings {
    static let urlParameters: Set<String> = ["security", "helo", "timeout", "connect_timeout"]

    /// Parses `smtp://user:pass@host:587?security=starttls` (or `smtps://host` for implicit TLS).
    ///
    /// User and password are percent-decoded. `security` defaults to `starttls` for `smtp://`;
    /// `helo`, `timeout` and `connect_timeout` (seconds) are optional.
    public init(url text: String) throws(SMTPSettingsError) {
        let portText = Self.portText(in: text)
        if let portText, !(Int(portText).map { (1...65535).contains($0) } ?? false) {
            throw .invalidPort(portText)
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw .notAURL
        }
        var security: Security
        switch scheme {
        case "smtp": security = .startTLS
        case "smtps": security = .tls
        default: throw .unsupportedScheme(scheme)
        }
        guard var host = components.percentEncodedHost.flatMap({ $0.removingPercentEncoding }), !host.isEmpty else {
            throw .missingHost
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }

        var heloName = "localhost"
        var commandTimeout = Self.defaultTimeout
        var connectTimeout = Self.defaultTimeout
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "security":
                guard let requested = Security(rawValue: value.lowercased()) else { throw .unknownSecurity(value) }
                if scheme == "smtps", requested != .tls { throw .conflictingSecurity(value) }
                security = requested
            case "helo":
                heloName = value
            case "timeout":
                commandTimeout = try Self.seconds(value, parameter: item.name)
            case "connect_timeout":
                connectTimeout = try Self.seconds(value, parameter: item.name)
            default:
                throw .unknownParameter(item.name)
            }
        }

        let port = portText.flatMap { Int($0) } ?? security.defaultPort

        let username = components.percentEncodedUser?.removingPercentEncoding
        let password = components.percentEncodedPassword?.removingPercentEncoding
        var credentials: Credentials?
        switch (username, password) {
        case let (username?, password) where !username.isEmpty:
            credentials = Credentials(username: username, password: password ?? "")
        case (_, let password?) where !password.isEmpty:
            throw .passwordWithoutUsername
        default:
            credentials = nil
        }

        self.init(
            host: host, port: port, security: security, credentials: credentials, heloName: heloName,
            connectTimeout: connectTimeout, commandTimeout: commandTimeout)
    }

    /// The port as written in the authority, so "abc" or "99999" is reported rather than a vague parse failure.
    private static func portText(in text: String) -> String? {
        guard let schemeEnd = text.range(of: "://") else { return nil }
        let authority = text[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority[...]
        let afterHost = hostAndPort.hasPrefix("[")
            ? hostAndPort.drop { $0 != "]" }.dropFirst() : hostAndPort.drop { $0 != ":" }
        guard afterHost.hasPrefix(":"), afterHost.count > 1 else { return nil }
        return String(afterHost.dropFirst())
    }

    private static func seconds(_ value: String, parameter: String) throws(SMTPSettingsError) -> Duration {
        guard let seconds = Double(value), seconds > 0, seconds.isFinite else {
            throw .invalidTimeout(parameter: parameter, value: value)
        }
        return .milliseconds(Int64(seconds * 1000))
    }
}
