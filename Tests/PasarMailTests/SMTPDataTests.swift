import Testing
@testable import PasarMail

@Suite struct SMTPDataTests {
    @Test func doublesLeadingDotsAndTerminates() {
        #expect(SMTPData.dotStuffed("Subject: x\r\n\r\n.\r\n..two\r\nplain.\r\n") == "Subject: x\r\n\r\n..\r\n...two\r\nplain.\r\n.\r\n")
    }

    @Test func addsFinalLineBreakWhenMissing() {
        #expect(SMTPData.dotStuffed("body") == "body\r\n.\r\n")
    }

    @Test func turnsBareLineFeedsIntoCRLF() {
        #expect(SMTPData.dotStuffed("a\n.b\n") == "a\r\n..b\r\n.\r\n")
    }
}
