import PasarTestSupport
import Foundation
import NIOSSL
import PasarMail
import Testing

/// Sends through a real SMTP server (aiosmtpd, Tests/Mail/smtp_sink.py) and reads back with a real MIME parser.
@Suite(.enabled("needs python3 with aiosmtpd (or PASAR_TEST_SMTP=1)") { await IntegrationGate.shouldRun() })
struct SMTPClientIntegrationTests {
    static let sentDate = Date(timeIntervalSince1970: 1_709_647_389)  // Tue, 05 Mar 2024 14:03:09 UTC
    static let client = SMTPClient()

    static func settings(
        port: Int, security: SMTPSettings.Security = .none, credentials: SMTPSettings.Credentials? = nil,
        trustingTestCertificate: Bool = true
    ) -> SMTPSettings {
        var tls = TLSConfiguration.makeClientConfiguration()
        if trustingTestCertificate {
            tls.trustRoots = .file(Fixtures.repositoryPath("Tests/Mail/test-cert.pem"))
        }
        return SMTPSettings(
            host: "127.0.0.1", port: port, security: security, credentials: credentials, heloName: "pasar.test",
            tlsConfiguration: tls, allowsAuthenticationWithoutTLS: security == .none)
    }

    static func orderMessage(to recipients: [String] = ["claire@client.example"]) throws -> MailMessage {
        try MailMessage(
            from: MailAddress("boutique@pasar.example", displayName: "Boutique Pasar"),
            to: recipients.map { try MailAddress($0) },
            subject: "Votre commande n° 1042 est expédiée",
            plainText: "Bonjour,\n.\nVotre colis arrive.\n",
            date: sentDate)
    }

    @Test func sendsPlainMessage() async throws {
        try await withSMTPSink { sink in
            let message = try Self.orderMessage()
            try await Self.client.send(message, settings: Self.settings(port: sink.port))
            let received = try await sink.messages()
            try #require(received.count == 1)
            #expect(received[0].mailFrom == "boutique@pasar.example")
            #expect(received[0].rcptTos == ["claire@client.example"])
            let parsed = try await ParsedMail.parse(received[0].raw)
            #expect(parsed.subject == "Votre commande n° 1042 est expédiée")
            #expect(parsed.messageID == message.messageID)
            #expect(parsed.date == "Tue, 05 Mar 2024 14:03:09 +0000")
            #expect(parsed.contentType == "text/plain")
            #expect(parsed.parts.map(\.text) == ["Bonjour,\n.\nVotre colis arrive.\n"])
            #expect(parsed.defects.isEmpty)
        }
    }

    @Test(arguments: try FixtureMessage.all())
    func deliversFixtureMessageIntact(_ fixture: FixtureMessage) async throws {
        try await withSMTPSink { sink in
            let message = try fixture.mailMessage(date: Self.sentDate)
            try await Self.client.send(message, settings: Self.settings(port: sink.port))
            let received = try #require(try await sink.messages().first)
            #expect(received.mailFrom == fixture.message.from.address)
            #expect(received.rcptTos == fixture.message.to.map(\.address))

            let parsed = try await ParsedMail.parse(received.raw)
            let expected = fixture.expected
            #expect(parsed.subject == expected.subject)
            #expect(parsed.from == expected.from)
            #expect(parsed.to == expected.to)
            #expect(parsed.dateISO == "2024-03-05T14:03:09+00:00")
            #expect(parsed.messageID == message.messageID)
            #expect(parsed.mimeVersion == "1.0")
            #expect(parsed.listUnsubscribe == expected.listUnsubscribe)
            #expect(parsed.listUnsubscribePost == expected.listUnsubscribePost)
            #expect(parsed.contentType == expected.contentType)
            #expect(parsed.parts.map(\.contentType) == expected.parts.map(\.contentType))
            #expect(parsed.parts.map(\.text) == expected.parts.map(\.text))
            #expect(parsed.parts.allSatisfy { $0.charset == "utf-8" && $0.transferEncoding == "quoted-printable" })
            #expect(parsed.defects.isEmpty)
            #expect(parsed.is7bit)
            #expect(!parsed.hasBareLineFeed)
            #expect(parsed.longestLine <= 78)
        }
    }

    @Test func sendsOneMessageToSeveralRecipients() async throws {
        try await withSMTPSink { sink in
            let recipients = ["a@client.example", "b@client.example", "c@other.example"]
            try await Self.client.send(Self.orderMessage(to: recipients), settings: Self.settings(port: sink.port))
            let received = try await sink.messages()
            #expect(received.map(\.rcptTos) == [recipients])
            let parsed = try await ParsedMail.parse(received[0].raw)
            #expect(parsed.to.map(\.address) == recipients)
        }
    }

    @Test func authenticatesWithPlain() async throws {
        let options = SMTPSink.Options(authUser: "mailer", authPassword: "s3cret pass")
        try await withSMTPSink(options) { sink in
            let credentials = SMTPSettings.Credentials(username: "mailer", password: "s3cret pass")
            try await Self.client.send(Self.orderMessage(), settings: Self.settings(port: sink.port, credentials: credentials))
            let received = try await sink.messages()
            #expect(received.count == 1)
        }
    }

    @Test func authenticatesWithLoginWhenOnlyLoginIsOffered() async throws {
        let options = SMTPSink.Options(authUser: "mailer", authPassword: "s3cret", onlyLogin: true)
        try await withSMTPSink(options) { sink in
            let credentials = SMTPSettings.Credentials(username: "mailer", password: "s3cret")
            try await Self.client.send(Self.orderMessage(), settings: Self.settings(port: sink.port, credentials: credentials))
            let received = try await sink.messages()
            #expect(received.count == 1)
        }
    }

    @Test func wrongPasswordIsPermanentAndNotRevealed() async throws {
        let options = SMTPSink.Options(authUser: "mailer", authPassword: "right")
        try await withSMTPSink(options) { sink in
            let credentials = SMTPSettings.Credentials(username: "mailer", password: "wrong-hunter2")
            let error = try await #require(throws: SMTPError.self) {
                try await Self.client.send(Self.orderMessage(), settings: Self.settings(port: sink.port, credentials: credentials))
            }
            #expect(error.replyCode == 535)
            #expect(error.isPermanent)
            let plainToken = Data("\0mailer\0wrong-hunter2".utf8).base64EncodedString()
            #expect(!"\(error)".contains("hunter2"))
            #expect(!"\(error)".contains(plainToken))
            let received = try await sink.messages()
            #expect(received.isEmpty)
        }
    }

    @Test func refusesCredentialsOverPlaintextUnlessAllowed() async throws {
        let options = SMTPSink.Options(authUser: "mailer", authPassword: "s3cret")
        try await withSMTPSink(options) { sink in
            var settings = Self.settings(port: sink.port, credentials: .init(username: "mailer", password: "s3cret"))
            settings.allowsAuthenticationWithoutTLS = false
            await #expect(throws: SMTPError.authenticationWithoutTLSRefused) {
                try await Self.client.send(Self.orderMessage(), settings: settings)
            }
        }
    }

    @Test func upgradesWithSTARTTLSAndAuthenticates() async throws {
        // The sink only offers AUTH after STARTTLS, so success proves the upgrade happened.
        let options = SMTPSink.Options(authUser: "mailer", authPassword: "s3cret", offersTLS: true)
        try await withSMTPSink(options) { sink in
            let settings = Self.settings(
                port: sink.port, security: .startTLS, credentials: .init(username: "mailer", password: "s3cret"))
            try await Self.client.send(Self.orderMessage(), settings: settings)
            let received = try await sink.messages()
            #expect(received.count == 1)
        }
    }

    @Test func rejectsUntrustedCertificate() async throws {
        try await withSMTPSink(SMTPSink.Options(offersTLS: true)) { sink in
            let settings = Self.settings(port: sink.port, security: .startTLS, trustingTestCertificate: false)
            let error = try await #require(throws: SMTPError.self) {
                try await Self.client.send(Self.orderMessage(), settings: settings)
            }
            guard case .tlsFailed = error else {
                Issue.record("expected tlsFailed, got \(error)")
                return
            }
            #expect(error.isPermanent)
            let received = try await sink.messages()
            #expect(received.isEmpty)
        }
    }

    @Test func failsWhenRequiredSTARTTLSIsNotOffered() async throws {
        try await withSMTPSink { sink in
            await #expect(throws: SMTPError.startTLSNotOffered) {
                try await Self.client.send(Self.orderMessage(), settings: Self.settings(port: sink.port, security: .startTLS))
            }
            let received = try await sink.messages()
            #expect(received.isEmpty)
        }
    }

    @Test func sendsOverImplicitTLS() async throws {
        try await withSMTPSink(SMTPSink.Options(implicitTLS: true)) { sink in
            try await Self.client.send(Self.orderMessage(), settings: Self.settings(port: sink.port, security: .tls))
            let received = try await sink.messages()
            #expect(received.count == 1)
        }
    }

    @Test func fallsBackToHELO() async throws {
        try await withSMTPSink(SMTPSink.Options(refusesEHLO: true)) { sink in
            try await Self.client.send(Self.orderMessage(), settings: Self.settings(port: sink.port))
            let received = try await sink.messages()
            #expect(received.count == 1)
        }
    }

    @Test(arguments: [(451, false), (550, true)])
    func reportsRejectedRecipient(code: Int, permanent: Bool) async throws {
        let options = SMTPSink.Options(rejections: ["refused@client.example": code])
        try await withSMTPSink(options) { sink in
            let error = try await #require(throws: SMTPError.self) {
                try await Self.client.send(
                    Self.orderMessage(to: ["ok@client.example", "refused@client.example"]),
                    settings: Self.settings(port: sink.port))
            }
            #expect(error == .rejected(
                command: "RCPT TO:<refused@client.example>", code: code,
                text: code < 500 ? "4.2.1 Mailbox busy, try later" : "5.1.1 No such mailbox"))
            #expect(error.isPermanent == permanent)
            let received = try await sink.messages()
            #expect(received.isEmpty)
        }
    }
}
