import Testing
@testable import PasarMail

@Suite struct SMTPReplyParserTests {
    @Test func assemblesMultiLineReplyAcrossReads() throws {
        var parser = SMTPReplyParser()
        parser.append(Array("250-sink.test\r\n250-AUTH PLAIN LO".utf8))
        #expect(try parser.nextReply() == nil)
        parser.append(Array("GIN\r\n250 STARTTLS\r\n220 next".utf8))
        let reply = try #require(try parser.nextReply())
        #expect(reply == SMTPReply(code: 250, lines: ["sink.test", "AUTH PLAIN LOGIN", "STARTTLS"]))
        #expect(try parser.nextReply() == nil)
        #expect(parser.hasPendingInput)
    }

    @Test func readsCapabilitiesFromEHLOReply() {
        let reply = SMTPReply(code: 250, lines: ["sink.test", "auth=LOGIN", "AUTH PLAIN", "STARTTLS", "SIZE 1000"])
        let capabilities = SMTPCapabilities(ehloReply: reply)
        #expect(capabilities.supports("starttls"))
        #expect(!capabilities.supports("SMTPUTF8"))
        #expect(capabilities.authenticationMechanisms == ["LOGIN", "PLAIN"])
        #expect(SMTPAuthentication.preferred(among: capabilities.authenticationMechanisms) == .plain)
        #expect(SMTPAuthentication.preferred(among: ["LOGIN", "CRAM-MD5"]) == .login)
    }

    @Test(arguments: ["hello\r\n", "25\r\n", "250*x\r\n", "250-a\r\n354 b\r\n", "999 x\r\n"])
    func rejectsMalformedReplies(_ input: String) {
        var parser = SMTPReplyParser()
        parser.append(Array(input.utf8))
        #expect(throws: SMTPError.self) {
            while try parser.nextReply() != nil {}
        }
    }

    @Test func rejectsRunawayLine() {
        var parser = SMTPReplyParser()
        parser.append(Array(repeating: UInt8(ascii: "2"), count: SMTPReplyParser.maximumLineLength + 1))
        #expect(throws: SMTPError.self) { try parser.nextReply() }
    }
}
