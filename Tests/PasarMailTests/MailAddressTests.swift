import Testing
@testable import PasarMail

@Suite struct MailAddressTests {
    @Test(arguments: ["a@b.example", "first.last+tag@shop.pasar.example", "o'brien@x.example", "x@localhost"])
    func acceptsOrdinaryAddresses(_ address: String) throws {
        #expect(try MailAddress(address).address == address)
    }

    @Test(arguments: [
        ("no-at-sign.example", "missing @"),
        ("@pasar.example", "empty local part"),
        ("claire@", "empty domain"),
        ("claire@pasar.example\r\nBcc: victim@x.example", "line break"),
        ("claire\n@pasar.example", "line break"),
        ("claire dupré@pasar.example", "non-ASCII"),
        ("claire@pasar..example", "two dots"),
        (".claire@pasar.example", "two dots"),
        ("cla ire@pasar.example", "dot-atom"),
        ("claire@pasar_example", "letters, digits"),
    ])
    func rejectsMalformedAddresses(_ address: String, reasonFragment: String) {
        #expect {
            try MailAddress(address)
        } throws: { error in
            guard case let .invalidAddress(rejected, reason)? = error as? MailFormatError else { return false }
            return rejected == address && reason.contains(reasonFragment)
        }
    }

    @Test func rejectsOverlongParts() {
        let longLocal = String(repeating: "a", count: 65) + "@pasar.example"
        let longAddress = "a@" + String(repeating: "b", count: 250) + ".example"
        #expect(throws: MailFormatError.self) { try MailAddress(longLocal) }
        #expect(throws: MailFormatError.self) { try MailAddress(longAddress) }
    }

    @Test func rejectsDisplayNameWithLineBreak() {
        #expect(throws: MailFormatError.invalidDisplayName(reason: "contains a line break or another control character")) {
            try MailAddress("a@b.example", displayName: "Eve\r\nBcc: x@y.example")
        }
    }

    @Test func rendersASCIIDisplayNameAsQuotedString() throws {
        #expect(try MailAddress("shop@pasar.example", displayName: "Pasar \"Shop\"").rendered
            == #""Pasar \"Shop\"" <shop@pasar.example>"#)
        #expect(try MailAddress("shop@pasar.example").rendered == "shop@pasar.example")
    }

    @Test func rendersNonASCIIDisplayNameAsEncodedWord() throws {
        let address = try MailAddress("claire@client.example", displayName: "Claire Dupré")
        #expect(address.rendered == "=?UTF-8?B?Q2xhaXJlIER1cHLDqQ==?= <claire@client.example>")
    }
}
