import NIOCore
import NIOPosix
import PasarMail
import Testing

/// Failures that need no SMTP server at all: a silent listener and a closed port.
@Suite struct SMTPClientNetworkFailureTests {
    @Test func timesOutWhenServerNeverAnswers() async throws {
        // Accepts connections and never writes a byte.
        let silentServer = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(silentServer.localAddress?.port)
        let settings = SMTPSettings(host: "127.0.0.1", port: port, security: .none, commandTimeout: .seconds(1))
        let message = try MailMessage(
            from: MailAddress("shop@pasar.example"), to: [MailAddress("a@client.example")], subject: "s", plainText: "t")

        let clock = ContinuousClock()
        let started = clock.now
        let error = try await #require(throws: SMTPError.self) {
            try await SMTPClient().send(message, settings: settings)
        }
        let elapsed = clock.now - started
        try await silentServer.close()

        #expect(error == .timeout(waitingFor: "the greeting", after: .seconds(1)))
        #expect(!error.isPermanent)
        // At least the timeout; the upper bound only proves it ends (a loaded test run starves event loops).
        #expect(elapsed >= .seconds(1) && elapsed < .seconds(60))
    }

    @Test func refusedConnectionIsTransient() async throws {
        // Bind, note the port, close: nothing listens there any more.
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(server.localAddress?.port)
        try await server.close()

        let settings = SMTPSettings(host: "127.0.0.1", port: port, security: .none)
        let message = try MailMessage(
            from: MailAddress("shop@pasar.example"), to: [MailAddress("a@client.example")], subject: "s", plainText: "t")
        let error = try await #require(throws: SMTPError.self) {
            try await SMTPClient().send(message, settings: settings)
        }
        guard case .connectionFailed(host: "127.0.0.1", port: port, reason: _) = error else {
            Issue.record("expected connectionFailed, got \(error)")
            return
        }
        #expect(!error.isPermanent)
    }
}
