public import Foundation

/// A message as Python's `email` package (policy=default) understands it, via Tests/Mail/parse_mail.py.
public struct ParsedMail: Decodable, Sendable {
    public struct Address: Decodable, Equatable, Sendable {
        public let displayName: String?
        public let address: String

        enum CodingKeys: String, CodingKey {
            case displayName = "display_name"
            case address
        }
    }

    public struct Part: Decodable, Sendable {
        public let contentType: String
        public let charset: String?
        public let transferEncoding: String?
        public let text: String

        enum CodingKeys: String, CodingKey {
            case contentType = "content_type"
            case charset
            case transferEncoding = "transfer_encoding"
            case text
        }
    }

    public let subject: String?
    public let from: [Address]
    public let to: [Address]
    public let date: String?
    public let dateISO: String?
    public let messageID: String?
    public let mimeVersion: String?
    public let listUnsubscribe: String?
    public let listUnsubscribePost: String?
    public let contentType: String
    public let parts: [Part]
    public let defects: [String]
    public let longestLine: Int
    public let hasBareLineFeed: Bool
    public let is7bit: Bool

    enum CodingKeys: String, CodingKey {
        case subject, from, to, date, parts, defects
        case dateISO = "date_iso"
        case messageID = "message_id"
        case mimeVersion = "mime_version"
        case listUnsubscribe = "list_unsubscribe"
        case listUnsubscribePost = "list_unsubscribe_post"
        case contentType = "content_type"
        case longestLine = "longest_line"
        case hasBareLineFeed = "has_bare_line_feed"
        case is7bit = "is_7bit"
    }

    struct ParseError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func parse(_ raw: Data) async throws -> ParsedMail {
        let child = try ChildProcess.python([Fixtures.repositoryPath("Tests/Mail/parse_mail.py")])
        try child.write(raw)
        child.closeInput()
        let line = await child.output.nextLine()
        let status = await child.exitStatus()
        guard status == 0, let line else {
            throw ParseError(description: "parse_mail.py failed with status \(status)")
        }
        return try JSONDecoder().decode(ParsedMail.self, from: Data(line.utf8))
    }
}
