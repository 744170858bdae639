/// Why an address, header or message was refused before anything was sent.
public enum MailFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The address is not a usable `local@domain` mailbox; the reason says which rule it broke.
    case invalidAddress(String, reason: String)
    /// A display name contains characters that cannot appear in a header.
    case invalidDisplayName(reason: String)
    /// A header name is empty or contains characters outside printable ASCII (or a colon).
    case invalidHeaderName(String)
    /// A header value contains CR, LF or another control character (header injection).
    case invalidHeaderValue(name: String, reason: String)
    /// The header is one the message writes itself (From, Date, Content-Type…).
    case reservedHeader(String)
    /// The message has no recipient.
    case noRecipients
    /// The Message-ID given is not of the form `<left@right>`.
    case invalidMessageID(String)

    public var description: String {
        switch self {
        case let .invalidAddress(address, reason):
            "invalid e-mail address \(String(reflecting: address)): \(reason)"
        case let .invalidDisplayName(reason):
            "invalid display name: \(reason)"
        case let .invalidHeaderName(name):
            "invalid header name \(String(reflecting: name))"
        case let .invalidHeaderValue(name, reason):
            "invalid value for header \(name): \(reason)"
        case let .reservedHeader(name):
            "header \(name) is written by MailMessage itself and cannot be given as an extra header"
        case .noRecipients:
            "a message needs at least one recipient"
        case let .invalidMessageID(messageID):
            "invalid Message-ID \(String(reflecting: messageID)): expected <left@right>"
        }
    }
}
