import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One HTTP/1.1 request over a plain socket bound to a chosen loopback source address (127.0.0.2, …),
/// so a test can be several clients, as the server's per-address rules see them. Returns the status.
public enum RawHTTP {
    public static func status(port: Int, from source: String, method: String, path: String, headers: [String], body: String = "") throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        func address(_ host: String, _ port: Int) -> sockaddr_in {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr(host)
            return address
        }
        var local = address(source, 0)
        var remote = address("127.0.0.1", port)
        let size = socklen_t(MemoryLayout<sockaddr_in>.size)
        guard withUnsafePointer(to: &local, { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) } }) == 0 else {
            throw POSIXError(.EADDRNOTAVAIL)
        }
        guard withUnsafePointer(to: &remote, { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, size) } }) == 0 else {
            throw POSIXError(.ECONNREFUSED)
        }
        let head = ["\(method) \(path) HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: close", "Content-Length: \(body.utf8.count)"] + headers
        let request = (head + ["", body]).joined(separator: "\r\n")
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = recv(fd, &buffer, buffer.count, 0)
        guard count > 12 else { throw POSIXError(.EIO) }
        // "HTTP/1.1 201 Created"
        let statusLine = String(decoding: buffer[0..<count], as: UTF8.self).prefix { $0 != "\r" }
        guard let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else { throw POSIXError(.EIO) }
        return status
    }
}
