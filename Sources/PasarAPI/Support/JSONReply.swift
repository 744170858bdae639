import Foundation
import Hummingbird

/// Encodes a response body as JSON with a strong `ETag` (FNV-1a of the bytes, or the caller's, such as a cart version) and answers
/// `If-None-Match` with `304 Not Modified`, so clients and CDNs revalidate cheaply.
enum JSONReply {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func make(
        _ value: some Encodable, request: Request, status: HTTPResponse.Status = .ok, language: String? = nil, etag: String? = nil
    ) throws -> Response {
        try make(encoded: encode(value), request: request, status: status, language: language, etag: etag)
    }

    static func encode(_ value: some Encodable) throws -> Data { try encoder.encode(value) }

    /// The response for an already encoded body (a cached page).
    static func make(
        encoded data: Data, request: Request, status: HTTPResponse.Status = .ok, language: String? = nil, etag: String? = nil
    ) -> Response {
        let etag = etag ?? "\"\(fnv1a(data))\""
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .eTag: etag]
        if let language {
            headers[.contentLanguage] = language
            headers[.vary] = "Accept-Language"
        }
        if status == .ok, let tags = request.headers[.ifNoneMatch], matches(tags, etag) {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `If-None-Match` holds `*` or a comma-separated list of (possibly weak) entity tags.
    static func matches(_ header: String, _ etag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            let tag = candidate.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }

    static func fnv1a(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        return String(hash, radix: 16)
    }
}
