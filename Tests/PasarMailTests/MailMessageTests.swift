import PasarTestSupport
import Foundation
import Testing
@testable import PasarMail

@Suite struct MailMessageTests {
    static let sampleDate = Date(timeIntervalSince1970: 1_709_647_389)  // Tue, 05 Mar 2024 14:03:09 UTC

    static func message(html: String? = nil, messageID: String? = nil) throws -> MailMessage {
        try MailMessage(
            from: MailAddress("shop@pasar.example", displayName: "Pasar"),
            to: [MailAddress("a@client.example"), MailAddress("b@client.example", displayName: "Bé")],
            subject: "Commande expédiée",
            plainText: "Bonjour\n.\nFin\n",
            html: html,
            extraHeaders: [MailHeader(name: "List-Unsubscribe", value: "<https://pasar.example/u/1>")],
            messageID: messageID)
    }

    @Test func formatsDateInEnglishUTC() {
        #expect(RFC5322Date.string(from: Self.sampleDate) == "Tue, 05 Mar 2024 14:03:09 +0000")
    }

    @Test func rendersTextOnlyMessageAsSinglePart() throws {
        let rendered = try Self.message().rendered(date: Self.sampleDate)
        #expect(rendered.hasPrefix("Date: Tue, 05 Mar 2024 14:03:09 +0000\r\nFrom: \"Pasar\" <shop@pasar.example>\r\n"))
        #expect(rendered.contains("\r\nTo: a@client.example, =?UTF-8?B?QsOp?= <b@client.example>\r\n"))
        #expect(rendered.contains("\r\nMIME-Version: 1.0\r\n"))
        #expect(rendered.contains("\r\nList-Unsubscribe: <https://pasar.example/u/1>\r\n"))
        #expect(rendered.contains("\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nBonjour\r\n.\r\nFin\r\n"))
        #expect(!rendered.contains("multipart"))
        #expect(!rendered.replacing("\r\n", with: "").contains("\n"))
    }

    @Test func rendersMultipartAlternativeWithPlainBeforeHTML() throws {
        let rendered = try Self.message(html: "<p>Bonjour</p>").rendered(date: Self.sampleDate)
        #expect(rendered.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        let unfolded = rendered.replacing("\r\n ", with: " ")
        let boundaryLine = try #require(unfolded.components(separatedBy: "\r\n").first { $0.hasPrefix("Content-Type: multipart/alternative; boundary=") })
        let boundary = try #require(boundaryLine.split(separator: "\"").dropFirst().first)
        let plain = try #require(rendered.range(of: "--\(boundary)\r\nContent-Type: text/plain; charset=utf-8"))
        let html = try #require(rendered.range(of: "--\(boundary)\r\nContent-Type: text/html; charset=utf-8"))
        #expect(plain.lowerBound < html.lowerBound)
        #expect(rendered.hasSuffix("--\(boundary)--\r\n"))
    }

    @Test func generatesMessageIDAtSenderDomain() throws {
        let first = try Self.message().messageID
        let second = try Self.message().messageID
        #expect(first.hasPrefix("<") && first.hasSuffix("@pasar.example>"))
        #expect(first != second)
    }

    @Test func acceptsGivenMessageIDWithOrWithoutBrackets() throws {
        #expect(try Self.message(messageID: "order-1042@pasar.example").messageID == "<order-1042@pasar.example>")
        #expect(try Self.message(messageID: "<order-1042@pasar.example>").messageID == "<order-1042@pasar.example>")
        #expect(throws: MailFormatError.self) { try Self.message(messageID: "no-at-sign") }
        #expect(throws: MailFormatError.self) { try Self.message(messageID: "a@b>\r\nBcc: x@y") }
    }

    @Test func refusesReservedExtraHeadersAndMissingRecipients() throws {
        let from = try MailAddress("shop@pasar.example")
        #expect(throws: MailFormatError.reservedHeader("content-type")) {
            try MailMessage(from: from, to: [from], subject: "s", plainText: "t",
                            extraHeaders: [MailHeader(name: "content-type", value: "text/html")])
        }
        #expect(throws: MailFormatError.noRecipients) {
            try MailMessage(from: from, to: [], subject: "s", plainText: "t")
        }
        #expect(throws: MailFormatError.self) {
            try MailMessage(from: from, to: [from], subject: "s\r\nBcc: x@y.example", plainText: "t")
        }
    }

    @Test func keepsEveryLineShortEvenForHugeParagraphs() throws {
        let from = try MailAddress("shop@pasar.example")
        let message = try MailMessage(from: from, to: [from], subject: "s",
                                      plainText: String(repeating: "長い行のテスト。", count: 500))
        let lines = message.rendered().components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
    }
}
