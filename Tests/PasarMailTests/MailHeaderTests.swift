import PasarTestSupport
import Testing
@testable import PasarMail

@Suite struct MailHeaderTests {
    @Test func encodesFrenchSubjectAsReadableQuotedPrintableWord() throws {
        let header = try MailHeader(name: "Subject", value: "Votre commande n° 1042 est expédiée")
        #expect(header.rendered == "Subject: =?UTF-8?Q?Votre_commande_n=C2=B0_1042_est_exp=C3=A9di=C3=A9e?=")
    }

    @Test(arguments: [
        "Votre commande n° 1042 est expédiée",
        "आपका ऑर्डर भेज दिया गया है",
        "ご注文の商品を発送しました。お届け予定日は三月十五日です。配送状況はマイページからご確認いただけます。",
        "تم شحن طلبك رقم ١٠٤٢",
    ])
    func encodedSubjectsRoundTripWithinLineLimits(_ subject: String) throws {
        let rendered = try MailHeader(name: "Subject", value: subject).rendered
        let value = String(rendered.dropFirst("Subject: ".count))
        #expect(EncodedWordDecoder.decode(value) == subject)
        #expect(rendered.utf8.allSatisfy { $0 < 0x80 })
        for line in rendered.components(separatedBy: "\r\n") {
            #expect(line.count <= 76, "line too long: \(line)")
        }
    }

    @Test func hindiSubjectUsesBase64AndKeepsCharactersWhole() throws {
        let rendered = try MailHeader(name: "Subject", value: "आपका ऑर्डर भेज दिया गया है").rendered
        #expect(rendered.hasPrefix("Subject: =?UTF-8?B?"))
        // Every word decodes on its own: no UTF-8 sequence is split between two encoded-words.
        for word in rendered.dropFirst("Subject: ".count).replacing("\r\n ", with: " ").split(separator: " ") {
            #expect(EncodedWordDecoder.decode(String(word)) != nil)
        }
    }

    @Test func foldsLongASCIIValuesAtSpaces() throws {
        let value = Array(repeating: "<https://pasar.example/unsubscribe?token=abcdef>,", count: 4).joined(separator: " ")
        let rendered = try MailHeader(name: "List-Unsubscribe", value: value).rendered
        let lines = rendered.components(separatedBy: "\r\n")
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.count <= 78 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(rendered.replacing("\r\n ", with: " ") == "List-Unsubscribe: " + value)
    }

    @Test func keepsShortASCIIValuesVerbatim() throws {
        #expect(try MailHeader(name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click").rendered
            == "List-Unsubscribe-Post: List-Unsubscribe=One-Click")
    }

    @Test(arguments: ["Hello\r\nBcc: victim@x.example", "Hello\nX: y", "Hello\rX: y", "nul\u{0}"])
    func refusesHeaderInjection(_ value: String) {
        #expect(throws: MailFormatError.self) { try MailHeader(name: "Subject", value: value) }
    }

    @Test(arguments: ["", "Bad Name", "Colon:", "Ünicode"])
    func refusesInvalidHeaderNames(_ name: String) {
        #expect(throws: MailFormatError.invalidHeaderName(name)) { try MailHeader(name: name, value: "x") }
    }
}
