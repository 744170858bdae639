import Foundation

/// The SASL mechanisms this client speaks, PLAIN preferred (one round trip instead of three).
enum SMTPAuthentication: String {
    case plain = "PLAIN"
    case login = "LOGIN"

    static func preferred(among offered: [String]) -> SMTPAuthentication? {
        [.plain, .login].first { offered.contains($0.rawValue) }
    }

    /// RFC 4616: base64 of `authzid NUL authcid NUL passwd`, with an empty authorization identity.
    static func plainResponse(username: String, password: String) -> String {
        Data("\0\(username)\0\(password)".utf8).base64EncodedString()
    }

    static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }
}
