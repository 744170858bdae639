public import NIOCore
public import NIOPosix
import NIOSSL

/// Sends ``MailMessage``s over SMTP: one connection per message, EHLO, optional STARTTLS and AUTH, then QUIT.
public struct SMTPClient: Sendable {
    private let eventLoopGroup: any EventLoopGroup

    /// Uses NIO's process-wide event loop group unless another is given.
    public init(eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.eventLoopGroup = eventLoopGroup
    }

    /// Delivers `message` to every recipient, or throws an ``SMTPError`` whose `isPermanent` guides retries.
    public func send(_ message: MailMessage, settings: SMTPSettings) async throws(SMTPError) {
        let secrets = settings.credentials.map(Self.secrets(of:)) ?? []
        do {
            try Self.validate(settings)
            let sslContext = try Self.makeSSLContext(settings)
            let connection = try await SMTPConnection.open(settings: settings, sslContext: sslContext, group: eventLoopGroup)
            do {
                try await converse(over: connection, message: message, settings: settings, sslContext: sslContext)
            } catch {
                await connection.close()
                throw error
            }
            await connection.close()
        } catch {
            // Every error leaves through here, so none can carry the password out.
            throw SMTPError(channelError: error).redacting(secrets)
        }
    }

    private func converse(
        over connection: SMTPConnection, message: MailMessage, settings: SMTPSettings, sslContext: NIOSSLContext?
    ) async throws {
        try connection.check(await connection.reply(waitingFor: "the greeting"), expecting: [220], for: "the greeting")
        var capabilities = try await greet(over: connection, settings: settings)

        if settings.security == .startTLS, let sslContext {
            guard capabilities.supports("STARTTLS") else { throw SMTPError.startTLSNotOffered }
            try await connection.run("STARTTLS", expecting: [220])
            try await connection.startTLS(context: sslContext, host: settings.host)
            // RFC 3207 §4.2: everything learnt before the handshake is discarded and EHLO is sent again.
            capabilities = try await greet(over: connection, settings: settings)
        }

        if let credentials = settings.credentials {
            guard settings.security != .none || settings.allowsAuthenticationWithoutTLS else {
                throw SMTPError.authenticationWithoutTLSRefused
            }
            try await authenticate(over: connection, credentials: credentials, capabilities: capabilities)
        }

        try await connection.run("MAIL FROM:<\(message.from.address)>", expecting: [250])
        for recipient in message.to {
            try await connection.run("RCPT TO:<\(recipient.address)>", expecting: [250, 251])
        }
        try await connection.run("DATA", expecting: [354])
        try await connection.write(SMTPData.dotStuffed(message.rendered()))
        try connection.check(
            await connection.reply(waitingFor: "the reply to the message data"), expecting: [250], for: "the message data")
        // The message is accepted at this point; a failed QUIT must not turn that into an error (and a retry).
        _ = try? await connection.send(line: "QUIT")
    }

    /// EHLO, falling back to HELO (and no extensions) when the server rejects EHLO with 5xx.
    private func greet(over connection: SMTPConnection, settings: SMTPSettings) async throws -> SMTPCapabilities {
        let ehlo = try await connection.send(line: "EHLO \(settings.heloName)")
        if ehlo.code == 250 { return SMTPCapabilities(ehloReply: ehlo) }
        guard (500...599).contains(ehlo.code) else {
            throw SMTPError.rejected(command: "EHLO", code: ehlo.code, text: ehlo.text)
        }
        try await connection.run("HELO \(settings.heloName)", expecting: [250])
        return .none
    }

    private func authenticate(
        over connection: SMTPConnection, credentials: SMTPSettings.Credentials, capabilities: SMTPCapabilities
    ) async throws {
        let offered = capabilities.authenticationMechanisms
        guard let mechanism = SMTPAuthentication.preferred(among: offered) else {
            throw SMTPError.authenticationNotOffered(offered: offered)
        }
        switch mechanism {
        case .plain:
            let response = SMTPAuthentication.plainResponse(
                username: credentials.username, password: credentials.password)
            try await connection.run("AUTH PLAIN \(response)", expecting: [235], shownAs: "AUTH PLAIN")
        case .login:
            try await connection.run("AUTH LOGIN", expecting: [334])
            try await connection.run(
                SMTPAuthentication.base64(credentials.username), expecting: [334], shownAs: "the AUTH LOGIN user name")
            try await connection.run(
                SMTPAuthentication.base64(credentials.password), expecting: [235], shownAs: "the AUTH LOGIN password")
        }
    }

    /// The forms in which the password could travel, all of which are scrubbed from errors.
    private static func secrets(of credentials: SMTPSettings.Credentials) -> [String] {
        [
            credentials.password,
            SMTPAuthentication.base64(credentials.password),
            SMTPAuthentication.plainResponse(username: credentials.username, password: credentials.password),
        ].filter { !$0.isEmpty }
    }

    /// The HELO name is sent verbatim, so it must be one word without line breaks.
    private static func validate(_ settings: SMTPSettings) throws(SMTPError) {
        let helo = settings.heloName
        if helo.isEmpty || helo.utf8.contains(where: { $0 <= 0x20 || $0 >= 0x7F }) {
            throw .invalidSettings("the HELO name must be non-empty printable ASCII without spaces")
        }
    }

    private static func makeSSLContext(_ settings: SMTPSettings) throws(SMTPError) -> NIOSSLContext? {
        guard settings.security != .none else { return nil }
        do {
            return try NIOSSLContext(configuration: settings.tlsConfiguration)
        } catch {
            throw .tlsFailed(reason: "invalid TLS configuration: \(error)")
        }
    }
}

extension SMTPConnection {
    /// Sends one command and requires one of `codes`; `shownAs` replaces the command in errors.
    @discardableResult
    func run(_ command: String, expecting codes: Set<Int>, shownAs: String? = nil) async throws -> SMTPReply {
        let reply = try await send(line: command, redactedLine: shownAs)
        try check(reply, expecting: codes, for: shownAs ?? command)
        return reply
    }

    func check(_ reply: SMTPReply, expecting codes: Set<Int>, for step: String) throws(SMTPError) {
        guard codes.contains(reply.code) else {
            throw .rejected(command: step, code: reply.code, text: reply.text)
        }
    }
}

extension SMTPError {
    /// A copy with every occurrence of `secrets` in its texts replaced by `***`.
    func redacting(_ secrets: [String]) -> SMTPError {
        guard !secrets.isEmpty else { return self }
        func scrub(_ text: String) -> String {
            secrets.reduce(text) { $0.replacing($1, with: "***") }
        }
        return switch self {
        case let .rejected(command, code, text): .rejected(command: scrub(command), code: code, text: scrub(text))
        case let .connectionFailed(host, port, reason): .connectionFailed(host: host, port: port, reason: scrub(reason))
        case let .connectionClosed(reason): .connectionClosed(reason: scrub(reason))
        case let .tlsFailed(reason): .tlsFailed(reason: scrub(reason))
        case let .malformedReply(detail): .malformedReply(scrub(detail))
        case let .invalidSettings(detail): .invalidSettings(scrub(detail))
        case .timeout, .startTLSNotOffered, .authenticationNotOffered, .authenticationWithoutTLSRefused: self
        }
    }
}
