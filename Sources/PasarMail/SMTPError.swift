/// Why sending failed; ``isPermanent`` tells whether retrying the same message can help.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered `command` with an unexpected reply (4xx transient, 5xx permanent).
    case rejected(command: String, code: Int, text: String)
    /// No connection could be made (refused, unreachable, unknown host).
    case connectionFailed(host: String, port: Int, reason: String)
    /// The connection broke during the conversation.
    case connectionClosed(reason: String)
    /// Nothing arrived in time; `waitingFor` names the step.
    case timeout(waitingFor: String, after: Duration)
    /// `.startTLS` was required but the server did not offer STARTTLS.
    case startTLSNotOffered
    /// The TLS handshake failed, e.g. because the certificate is not trusted.
    case tlsFailed(reason: String)
    /// Credentials were given but the server offers neither AUTH PLAIN nor AUTH LOGIN.
    case authenticationNotOffered(offered: [String])
    /// Credentials would have crossed an unencrypted connection and that was not allowed.
    case authenticationWithoutTLSRefused
    /// The server sent something that is not an SMTP reply.
    case malformedReply(String)
    /// The settings cannot be used as they are (e.g. a HELO name with spaces).
    case invalidSettings(String)

    /// 5xx replies and configuration mistakes are permanent; 4xx, timeouts and broken connections are transient.
    public var isPermanent: Bool {
        switch self {
        case let .rejected(_, code, _): code >= 500
        case .connectionFailed, .connectionClosed, .timeout: false
        case .startTLSNotOffered, .tlsFailed, .authenticationNotOffered, .authenticationWithoutTLSRefused,
            .malformedReply, .invalidSettings:
            true
        }
    }

    /// The server's reply code, when the error is a rejection.
    public var replyCode: Int? {
        if case let .rejected(_, code, _) = self { code } else { nil }
    }

    public var description: String {
        switch self {
        case let .rejected(command, code, text):
            "SMTP server rejected \(command) with \(code): \(text)"
        case let .connectionFailed(host, port, reason):
            "could not connect to SMTP server \(host):\(port): \(reason)"
        case let .connectionClosed(reason):
            "SMTP connection closed: \(reason)"
        case let .timeout(step, duration):
            "SMTP server did not answer within \(duration) waiting for \(step)"
        case .startTLSNotOffered:
            "SMTP server does not offer STARTTLS, which the settings require"
        case let .tlsFailed(reason):
            "TLS with the SMTP server failed: \(reason)"
        case let .authenticationNotOffered(offered):
            "SMTP server offers no supported AUTH mechanism (PLAIN, LOGIN); it offers: "
                + (offered.isEmpty ? "none" : offered.joined(separator: " "))
        case .authenticationWithoutTLSRefused:
            "refusing to send SMTP credentials over an unencrypted connection"
        case let .malformedReply(detail):
            "SMTP server sent a malformed reply: \(detail)"
        case let .invalidSettings(detail):
            "invalid SMTP settings: \(detail)"
        }
    }
}
