import Testing
@testable import PasarMail

@Suite struct SMTPErrorTests {
    @Test func classifiesPermanence() {
        #expect(SMTPError.rejected(command: "RCPT TO:<a@b>", code: 550, text: "no").isPermanent)
        #expect(!SMTPError.rejected(command: "RCPT TO:<a@b>", code: 451, text: "later").isPermanent)
        #expect(!SMTPError.timeout(waitingFor: "the greeting", after: .seconds(1)).isPermanent)
        #expect(!SMTPError.connectionFailed(host: "h", port: 25, reason: "refused").isPermanent)
        #expect(!SMTPError.connectionClosed(reason: "reset").isPermanent)
        #expect(SMTPError.startTLSNotOffered.isPermanent)
    }

    @Test func redactsSecretsFromTexts() {
        let error = SMTPError.rejected(command: "AUTH PLAIN", code: 535, text: "bad credentials hunter2")
        #expect(error.redacting(["hunter2"]) == .rejected(command: "AUTH PLAIN", code: 535, text: "bad credentials ***"))
    }
}
