import Testing
@testable import PasarMail

@Suite struct QuotedPrintableTests {
    @Test func encodesNonASCIIAndEqualsSign() {
        #expect(QuotedPrintable.encode("prix = 1\u{202F}234,50\u{00A0}€") == "prix =3D 1=E2=80=AF234,50=C2=A0=E2=82=AC")
    }

    @Test func normalizesLineEndingsToCRLF() {
        #expect(QuotedPrintable.encode("a\nb\r\nc\rd") == "a\r\nb\r\nc\r\nd")
    }

    @Test func encodesTrailingWhitespace() {
        #expect(QuotedPrintable.encode("end \nand tab\t") == "end=20\r\nand tab=09")
    }

    @Test func softBreaksLongLinesWithoutSplittingEscapes() {
        let encoded = QuotedPrintable.encode(String(repeating: "é", count: 100) + String(repeating: "x", count: 200))
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        // Removing soft breaks gives back the unbroken encoding: no "=XX" was cut in two.
        #expect(encoded.replacing("=\r\n", with: "") == String(repeating: "=C3=A9", count: 100) + String(repeating: "x", count: 200))
    }
}
