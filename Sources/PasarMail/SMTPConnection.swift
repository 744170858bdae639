import NIOCore
import NIOPosix
import NIOSSL

/// One open connection to a server: write a command, await its reply, upgrade to TLS.
struct SMTPConnection: Sendable {
    private let channel: any Channel
    private let replies: NIOLoopBound<SMTPReplyHandler>
    private let commandTimeout: TimeAmount

    /// Connects within `settings.connectTimeout`, starting TLS at once for `.tls`.
    static func open(
        settings: SMTPSettings, sslContext: NIOSSLContext?, group: any EventLoopGroup
    ) async throws -> SMTPConnection {
        let implicitTLS = settings.security == .tls ? sslContext : nil
        let serverHostname = Self.serverNameIndication(for: settings.host)
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(TimeAmount(settings.connectTimeout))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let implicitTLS {
                            try channel.pipeline.syncOperations.addHandler(
                                NIOSSLClientHandler(context: implicitTLS, serverHostname: serverHostname))
                        }
                        try channel.pipeline.syncOperations.addHandler(SMTPReplyHandler(eventLoop: channel.eventLoop))
                    }
                }
                .connect(host: settings.host, port: settings.port)
                .get()
        } catch ChannelError.connectTimeout {
            throw SMTPError.timeout(waitingFor: "the TCP connection", after: settings.connectTimeout)
        } catch {
            throw SMTPError.connectionFailed(host: settings.host, port: settings.port, reason: String(describing: error))
        }
        let replies = try await channel.eventLoop.submit {
            NIOLoopBound(
                try channel.pipeline.syncOperations.handler(type: SMTPReplyHandler.self), eventLoop: channel.eventLoop)
        }.get()
        return SMTPConnection(channel: channel, replies: replies, commandTimeout: TimeAmount(settings.commandTimeout))
    }

    /// Writes `line` plus CRLF; `redactedLine` is what errors may show instead (credentials hidden).
    func send(line: String, redactedLine: String? = nil) async throws -> SMTPReply {
        try await write(line + "\r\n")
        return try await reply(waitingFor: "the reply to \(redactedLine ?? line)")
    }

    /// Writes raw text, e.g. the dot-stuffed DATA payload.
    func write(_ text: String) async throws {
        do {
            try await channel.writeAndFlush(channel.allocator.buffer(string: text)).get()
        } catch {
            // Prefer the handler's account (e.g. a TLS failure) over the bare write error.
            let recorded = try? await channel.eventLoop.submit { replies.value.recordedFailure }.get()
            throw recorded ?? SMTPError(channelError: error)
        }
    }

    /// Waits for the next reply within the command timeout.
    func reply(waitingFor step: String) async throws -> SMTPReply {
        let timeout = commandTimeout
        return try await channel.eventLoop.flatSubmit {
            replies.value.nextReply(timeout: timeout, waitingFor: step)
        }.get()
    }

    /// Inserts TLS below the reply handler, refusing if the server already sent bytes beyond the 220
    /// (they would have been injected in plaintext, CVE-2011-0411 style).
    func startTLS(context sslContext: NIOSSLContext, host: String) async throws {
        let serverHostname = Self.serverNameIndication(for: host)
        try await channel.eventLoop.submit {
            if replies.value.hasUnrequestedInput {
                throw SMTPError.malformedReply("data received after the STARTTLS reply, before the TLS handshake")
            }
            try channel.pipeline.syncOperations.addHandler(
                NIOSSLClientHandler(context: sslContext, serverHostname: serverHostname), position: .first)
        }.get()
    }

    func close() async {
        try? await channel.close().get()
    }

    /// SNI carries host names only; for an IP literal NIOSSL verifies the certificate against the peer address.
    private static func serverNameIndication(for host: String) -> String? {
        (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
    }
}
