import NIOCore
import NIOPosix

extension PostgresLocation {
    /// Whether something accepts connections at the server's address right now: a bare TCP (or
    /// socket) connect, no handshake, closed at once. It tells a stopped server, whose port refuses,
    /// from a busy one, whose pool only makes requests queue.
    func acceptsConnections(within timeout: TimeAmount = .seconds(1)) async -> Bool {
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connectTimeout(timeout)
        do {
            let channel =
                switch endpoint {
                case .tcp(let host, let port): try await bootstrap.connect(host: host, port: port).get()
                case .socket(let path): try await bootstrap.connect(unixDomainSocketPath: path).get()
                }
            try? await channel.close().get()
            return true
        } catch {
            return false
        }
    }
}
