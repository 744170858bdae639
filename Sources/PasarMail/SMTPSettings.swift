import Foundation
public import NIOSSL

/// Where and how to reach the SMTP server; `description` never shows the password.
public struct SMTPSettings: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// How the connection is protected.
    public enum Security: String, Sendable, CaseIterable {
        /// Plain text; only for a relay on the same host or network.
        case none
        /// Plain connection upgraded with STARTTLS; sending fails if the server does not offer it.
        case startTLS = "starttls"
        /// TLS from the first byte ("implicit TLS", usually port 465).
        case tls

        /// The port conventionally used with this security (25, 587 or 465).
        public var defaultPort: Int {
            switch self {
            case .none: 25
            case .startTLS: 587
            case .tls: 465
            }
        }
    }

    /// A user name and password whose password is redacted from every description and mirror.
    public struct Credentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
        CustomReflectable
    {
        /// The login name.
        public let username: String
        /// The secret; read it only to authenticate.
        public let password: String

        /// Pairs a user name with its password.
        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }

        public var description: String { "\(username):***" }
        public var debugDescription: String { description }
        public var customMirror: Mirror { Mirror(self, children: ["username": username, "password": "***"]) }
    }

    /// The server's host name or IP address.
    public var host: String
    /// The TCP port.
    public var port: Int
    /// Plain, STARTTLS or implicit TLS.
    public var security: Security
    /// Credentials for AUTH, or `nil` to send without authenticating.
    public var credentials: Credentials?
    /// The name this client gives in EHLO/HELO.
    public var heloName: String
    /// How long connecting (TCP, and for `.tls` nothing more) may take.
    public var connectTimeout: Duration
    /// How long each server reply may take.
    public var commandTimeout: Duration
    /// The TLS settings for `.startTLS` and `.tls`; inject trust roots here to trust a private CA.
    public var tlsConfiguration: TLSConfiguration
    /// Allows AUTH over an unencrypted connection; meant only for tests against a loopback server.
    public var allowsAuthenticationWithoutTLS: Bool

    /// The default for both timeouts.
    public static let defaultTimeout: Duration = .seconds(10)

    /// Settings with explicit values; the port defaults to the one conventional for `security`.
    public init(
        host: String,
        port: Int? = nil,
        security: Security = .startTLS,
        credentials: Credentials? = nil,
        heloName: String = "localhost",
        connectTimeout: Duration = SMTPSettings.defaultTimeout,
        commandTimeout: Duration = SMTPSettings.defaultTimeout,
        tlsConfiguration: TLSConfiguration = .makeClientConfiguration(),
        allowsAuthenticationWithoutTLS: Bool = false
    ) {
        self.host = host
        self.port = port ?? security.defaultPort
        self.security = security
        self.credentials = credentials
        self.heloName = heloName
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.tlsConfiguration = tlsConfiguration
        self.allowsAuthenticationWithoutTLS = allowsAuthenticationWithoutTLS
    }

    /// A redacted URL form, e.g. `smtp://mailer:***@mail.example:587?security=starttls`.
    public var description: String {
        let user = credentials.map { "\(Self.percentEncoded($0.username)):***@" } ?? ""
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "smtp://\(user)\(hostPart):\(port)?security=\(security.rawValue)"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: [
            "host": host, "port": port, "security": security, "credentials": credentials as Any,
            "heloName": heloName, "connectTimeout": connectTimeout, "commandTimeout": commandTimeout,
        ])
    }

    static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? text
    }
}
