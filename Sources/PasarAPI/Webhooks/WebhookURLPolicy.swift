import Foundation
import NIOCore
import NIOPosix

/// Which URLs webhooks may be sent to. By default only `https` URLs whose host resolves to public
/// addresses: never loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade
/// NAT, `0.0.0.0/8`, multicast or reserved IPv4, nor unique-local, link-local, IPv4-mapped or NAT64
/// IPv6. It is checked when a subscription is saved and again before every delivery, which then
/// connects to the address that was checked (no second lookup that DNS could answer differently).
/// `allowPrivate` (`--allow-private-webhooks`, for development and tests) lifts both rules.
struct WebhookURLPolicy: Sendable {
    let allowPrivate: Bool

    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    /// The URL when its form is acceptable (scheme, host, no credentials, at most 2,000 characters).
    func parse(_ text: String) throws(Refusal) -> URL {
        guard text.utf8.count <= 2000, let components = URLComponents(string: text), let url = components.url,
            let scheme = components.scheme?.lowercased(), let host = components.host, !host.isEmpty
        else { throw Refusal(description: "must be an absolute http(s) URL") }
        guard components.user == nil, components.password == nil else { throw Refusal(description: "must not carry a user name or password") }
        guard scheme == "https" || (allowPrivate && scheme == "http") else {
            throw Refusal(description: allowPrivate ? "must be http or https" : "must be https")
        }
        return url
    }

    /// The address to connect to for `url`: its host's first address, when every address it
    /// resolves to is public; nil when private addresses are allowed (connect as the URL says).
    func checkedAddress(for url: URL) async throws(Refusal) -> String? {
        guard !allowPrivate else { return nil }
        guard let host = url.host else { throw Refusal(description: "has no host") }
        let addresses: [SocketAddress]
        do {
            addresses = try await Self.resolve(host, port: url.port ?? 443)
        } catch {
            throw Refusal(description: "host \(host) does not resolve")
        }
        guard let first = addresses.first else { throw Refusal(description: "host \(host) does not resolve") }
        for address in addresses where !Self.isPublic(address) {
            throw Refusal(description: "host \(host) resolves to a private or reserved address (\(address.ipAddress ?? "?"))")
        }
        return first.ipAddress
    }

    private static func resolve(_ host: String, port: Int) async throws -> [SocketAddress] {
        try await NIOThreadPool.singleton.runIfActive {
            var hints = addrinfo()
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var list: UnsafeMutablePointer<addrinfo>?
            guard getaddrinfo(host, String(port), &hints, &list) == 0, let list else { throw Refusal(description: "no address") }
            defer { freeaddrinfo(list) }
            var addresses: [SocketAddress] = []
            var entry: UnsafeMutablePointer<addrinfo>? = list
            while let current = entry {
                if let address = current.pointee.ai_addr {
                    switch Int32(address.pointee.sa_family) {
                    case AF_INET:
                        addresses.append(address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { SocketAddress($0.pointee, host: host) })
                    case AF_INET6:
                        addresses.append(address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { SocketAddress($0.pointee, host: host) })
                    default: break
                    }
                }
                entry = current.pointee.ai_next
            }
            return addresses
        }
    }

    /// False for every range a webhook must not reach.
    static func isPublic(_ address: SocketAddress) -> Bool {
        switch address {
        case .v4(let v4):
            return isPublicIPv4(withUnsafeBytes(of: v4.address.sin_addr.s_addr) { Array($0) })
        case .v6(let v6):
            let bytes = withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
            return isPublicIPv6(bytes)
        case .unixDomainSocket:
            return false
        }
    }

    static func isPublicIPv4(_ b: [UInt8]) -> Bool {
        guard b.count == 4 else { return false }
        switch (b[0], b[1]) {
        case (0, _), (10, _), (127, _): return false
        case (100, 64...127): return false  // carrier-grade NAT
        case (169, 254): return false  // link-local, cloud metadata
        case (172, 16...31), (192, 168): return false
        case (192, 0) where b[2] == 0 || b[2] == 2: return false  // IETF protocol assignments, TEST-NET-1
        case (198, 18...19): return false  // benchmarking
        case (198, 51) where b[2] == 100, (203, 0) where b[2] == 113: return false  // TEST-NET-2, -3
        case (224...255, _): return false  // multicast, reserved, broadcast
        default: return true
        }
    }

    static func isPublicIPv6(_ b: [UInt8]) -> Bool {
        guard b.count == 16 else { return false }
        if b.allSatisfy({ $0 == 0 }) { return false }  // ::
        if b[0..<15].allSatisfy({ $0 == 0 }) && b[15] == 1 { return false }  // ::1
        if b[0] & 0xFE == 0xFC { return false }  // fc00::/7 unique-local
        if b[0] == 0xFE && b[1] & 0xC0 == 0x80 { return false }  // fe80::/10 link-local
        if b[0] == 0xFF { return false }  // multicast
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xFF && b[11] == 0xFF { return false }  // ::ffff:0:0/96 IPv4-mapped
        if b[0..<12] == [0, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0][...] { return false }  // 64:ff9b::/96 NAT64
        if b[0..<12].allSatisfy({ $0 == 0 }) { return false }  // ::/96 IPv4-compatible
        return true
    }
}
