import Foundation
import PasarTestSupport
import Testing
import PasarMail

/// One case of Fixtures/mail/messages.json: what to send and what a MIME parser must read back.
struct FixtureMessage: Decodable, Sendable, CustomTestStringConvertible {
    struct Address: Decodable, Sendable {
        let address: String
        let displayName: String?

        enum CodingKeys: String, CodingKey {
            case address
            case displayName = "display_name"
        }

        func mailAddress() throws -> MailAddress {
            try MailAddress(address, displayName: displayName)
        }
    }

    struct Input: Decodable, Sendable {
        let from: Address
        let to: [Address]
        let subject: String
        let plainText: String
        let html: String?
        let headers: [String: String]

        enum CodingKeys: String, CodingKey {
            case from, to, subject, html, headers
            case plainText = "plain_text"
        }
    }

    struct ExpectedPart: Decodable, Sendable {
        let contentType: String
        let text: String

        enum CodingKeys: String, CodingKey {
            case contentType = "content_type"
            case text
        }
    }

    struct Expected: Decodable, Sendable {
        let subject: String
        let from: [ParsedMail.Address]
        let to: [ParsedMail.Address]
        let listUnsubscribe: String?
        let listUnsubscribePost: String?
        let contentType: String
        let parts: [ExpectedPart]

        enum CodingKeys: String, CodingKey {
            case subject, from, to, parts
            case listUnsubscribe = "list_unsubscribe"
            case listUnsubscribePost = "list_unsubscribe_post"
            case contentType = "content_type"
        }
    }

    let name: String
    let message: Input
    let expected: Expected

    var testDescription: String { name }

    static func all() throws -> [FixtureMessage] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.repositoryPath("Fixtures/mail/messages.json")))
        return try JSONDecoder().decode([FixtureMessage].self, from: data)
    }

    func mailMessage(date: Date) throws -> MailMessage {
        try MailMessage(
            from: message.from.mailAddress(),
            to: message.to.map { try $0.mailAddress() },
            subject: message.subject,
            plainText: message.plainText,
            html: message.html,
            extraHeaders: message.headers.sorted { $0.key < $1.key }.map { try MailHeader(name: $0.key, value: $0.value) },
            date: date)
    }
}
