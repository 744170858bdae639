public import Foundation

/// A real SMTP server (Tests/Mail/smtp_sink.py, aiosmtpd) running as a child process.
public actor SMTPSink {
    /// What the sink recorded for one accepted message.
    public struct ReceivedMessage: Decodable, Sendable {
        public let mailFrom: String
        public let rcptTos: [String]
        public let rawBase64: String

        public var raw: Data { Data(base64Encoded: rawBase64) ?? Data() }

        enum CodingKeys: String, CodingKey {
            case mailFrom = "mail_from"
            case rcptTos = "rcpt_tos"
            case rawBase64 = "raw_base64"
        }
    }

    /// Behaviour switches, mapped one to one onto the script's command-line options.
    public struct Options: Sendable {
        public init(
            authUser: String? = nil, authPassword: String? = nil, onlyLogin: Bool = false, offersTLS: Bool = false, implicitTLS: Bool = false,
            rejections: [String: Int] = [:], refusesEHLO: Bool = false
        ) {
            self.authUser = authUser
            self.authPassword = authPassword
            self.onlyLogin = onlyLogin
            self.offersTLS = offersTLS
            self.implicitTLS = implicitTLS
            self.rejections = rejections
            self.refusesEHLO = refusesEHLO
        }

        public var authUser: String?
        public var authPassword: String?
        public var onlyLogin = false
        public var offersTLS = false
        public var implicitTLS = false
        public var rejections: [String: Int] = [:]
        public var refusesEHLO = false

        var arguments: [String] {
            var arguments: [String] = []
            if let authUser { arguments += ["--auth-user", authUser, "--auth-password", authPassword ?? ""] }
            if onlyLogin { arguments.append("--only-login") }
            if offersTLS || implicitTLS {
                arguments += [
                    "--tls-cert", Fixtures.repositoryPath("Tests/Mail/test-cert.pem"),
                    "--tls-key", Fixtures.repositoryPath("Tests/Mail/test-key.pem"),
                ]
            }
            if implicitTLS { arguments.append("--implicit-tls") }
            arguments += rejections.sorted { $0.key < $1.key }.flatMap { ["--reject", "\($0.key)=\($0.value)"] }
            if refusesEHLO { arguments.append("--refuse-ehlo") }
            return arguments
        }
    }

    struct StartError: Error, CustomStringConvertible {
        let description: String
    }

    private let child: ChildProcess
    /// The loopback port the sink listens on.
    public nonisolated let port: Int

    private init(child: ChildProcess, port: Int) {
        self.child = child
        self.port = port
    }

    public static func start(_ options: Options = Options()) async throws -> SMTPSink {
        let child = try ChildProcess.python([Fixtures.repositoryPath("Tests/Mail/smtp_sink.py")] + options.arguments)
        guard let line = await child.output.nextLine(), let port = Int(line) else {
            await child.stop()
            throw StartError(description: "smtp_sink.py did not print its port (is aiosmtpd installed? pip install aiosmtpd)")
        }
        return SMTPSink(child: child, port: port)
    }

    /// Every message accepted so far, in arrival order.
    public func messages() async throws -> [ReceivedMessage] {
        struct Answer: Decodable { let messages: [ReceivedMessage] }
        try child.write(Data("messages\n".utf8))
        guard let line = await child.output.nextLine() else {
            throw StartError(description: "smtp_sink.py exited")
        }
        return try JSONDecoder().decode(Answer.self, from: Data(line.utf8)).messages
    }

    /// The messages once there are `count`, nil after `seconds`; polls the sink, which answers at once.
    public func messages(count: Int, seconds: Double = 30) async throws -> [ReceivedMessage]? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let received = try await messages()
            if received.count >= count { return received }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    public func stop() async {
        await child.stop()
    }
}

/// Starts a sink, runs `body`, and stops the sink whatever happens.
public func withSMTPSink<T: Sendable>(
    _ options: SMTPSink.Options = SMTPSink.Options(), _ body: (SMTPSink) async throws -> T
) async throws -> T {
    let sink = try await SMTPSink.start(options)
    do {
        let result = try await body(sink)
        await sink.stop()
        return result
    } catch {
        await sink.stop()
        throw error
    }
}
