import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A minimal Server-Sent Events client over a plain TCP socket, reading on its own thread so the
/// test's tasks stay free. Reads time out after 10 s, which ends the stream (and fails the test)
/// instead of hanging it.
public final class SSEReader: Sendable {
    public struct Event: Sendable {
        public let name: String
        public let id: String
        public let data: String
    }

    public let events: AsyncStream<Event>
    private let socket: Int32

    public init(port: Int, path: String, headers: [String]) throws {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
        let request = (["GET \(path) HTTP/1.1", "Host: 127.0.0.1", "Accept: text/event-stream"] + headers + ["", ""]).joined(separator: "\r\n")
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        socket = fd
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self)
        events = stream
        Thread.detachNewThread {
            Self.read(fd: fd, into: continuation)
        }
    }

    public func close() { shutdown(socket, Int32(SHUT_RDWR)) }

    deinit { Glibc.close(socket) }

    /// Splits the byte stream into events (blank-line separated `event:`/`id:`/`data:` fields);
    /// comments and the HTTP header block are skipped. Chunked-encoding size lines never start
    /// with a field name, so they are skipped too.
    private static func read(fd: Int32, into continuation: AsyncStream<Event>.Continuation) {
        var pending = Data()
        var name = "", id = "", data = ""
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            pending.append(contentsOf: buffer[0..<count])
            while let newline = pending.firstIndex(of: 10) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
                pending.removeSubrange(pending.startIndex...newline)
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                else if line.hasPrefix("id: ") { id = String(line.dropFirst(4)) }
                else if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
                else if line.isEmpty && !data.isEmpty {
                    continuation.yield(Event(name: name, id: id, data: data))
                    name = ""
                    id = ""
                    data = ""
                }
            }
        }
        continuation.finish()
    }
}
