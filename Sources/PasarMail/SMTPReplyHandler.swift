import NIOCore
import NIOSSL

/// Turns inbound bytes into replies and hands each to the one waiting request, with a deadline.
///
/// All state lives on the channel's event loop; async code reaches it only through `NIOLoopBound`.
final class SMTPReplyHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private var parser = SMTPReplyParser()
    private var readyReplies = CircularBuffer<SMTPReply>()
    private var failure: SMTPError?
    private var waiter: (promise: EventLoopPromise<SMTPReply>, deadline: Scheduled<Void>)?
    private var context: ChannelHandlerContext?
    private let eventLoop: any EventLoop

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    /// Whether bytes arrived that no one has asked for yet; after STARTTLS's 220 that would be injected plaintext.
    var hasUnrequestedInput: Bool { !readyReplies.isEmpty || parser.hasPendingInput }

    /// The first failure seen, if the connection is already unusable.
    var recordedFailure: SMTPError? { failure }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    /// The next reply; fails with `.timeout` (and closes the channel) if none arrives within `timeout`.
    func nextReply(timeout: TimeAmount, waitingFor step: String) -> EventLoopFuture<SMTPReply> {
        precondition(waiter == nil, "SMTP is a lock-step protocol: one reply is awaited at a time")
        if let reply = readyReplies.popFirst() {
            return eventLoop.makeSucceededFuture(reply)
        }
        if let failure {
            return eventLoop.makeFailedFuture(failure)
        }
        // Removed from the pipeline means the channel was torn down.
        guard context != nil else {
            return eventLoop.makeFailedFuture(SMTPError.connectionClosed(reason: "the connection is closed"))
        }
        let promise = eventLoop.makePromise(of: SMTPReply.self)
        let deadline = eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            self.fail(with: .timeout(waitingFor: step, after: Duration(timeout)))
            self.context?.close(promise: nil)
        }
        waiter = (promise, deadline)
        return promise.futureResult
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        parser.append(bytes.readableBytesView)
        do {
            while let reply = try parser.nextReply() {
                deliver(reply)
            }
        } catch {
            fail(with: error)
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(with: SMTPError(channelError: error))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(with: .connectionClosed(reason: "the server closed the connection"))
        context.fireChannelInactive()
    }

    private func deliver(_ reply: SMTPReply) {
        if let waiter {
            self.waiter = nil
            waiter.deadline.cancel()
            waiter.promise.succeed(reply)
        } else {
            readyReplies.append(reply)
        }
    }

    /// Records the first failure only: a TLS error is more telling than the close that follows it.
    private func fail(with error: SMTPError) {
        if failure == nil { failure = error }
        if let waiter {
            self.waiter = nil
            waiter.deadline.cancel()
            waiter.promise.fail(failure ?? error)
        }
    }
}

extension SMTPError {
    /// Classifies an error raised by the channel: TLS failures apart from plain connection trouble.
    init(channelError error: any Error) {
        switch error {
        case let error as SMTPError:
            self = error
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError:
            self = .tlsFailed(reason: String(describing: error))
        default:
            self = .connectionClosed(reason: String(describing: error))
        }
    }
}
