import Foundation
public import Hummingbird

/// The request context's encoder: every JSON body the API sends (views, problems, stream events) is
/// encoded by `encoder`, with a strong `ETag` (FNV-1a of the bytes) that `ConditionalGetMiddleware`
/// answers `If-None-Match` with.
public struct JSONResponseEncoder: ResponseEncoder {
    /// Sorted keys keep bodies, and so their entity tags, byte-for-byte stable.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public func encode(_ value: some Encodable, from request: Request, context: some RequestContext) throws -> Response {
        Self.response(encoded: try Self.encode(value))
    }

    /// The JSON of `value`: written by hand where the view can (`HandWrittenJSON`), else by `encoder`.
    static func encode(_ value: some Encodable) throws -> Data {
        if let handWritten = value as? any HandWrittenJSON, let bytes = handWritten.handWrittenJSON { return Data(bytes) }
        return try encoder.encode(value)
    }

    /// The response for an already encoded body, with its entity tag and language.
    static func response(encoded data: Data, language: String? = nil) -> Response {
        response(body: ByteBuffer(bytes: data), etag: entityTag(data), language: language)
    }

    /// The response for a body kept encoded (a cached page).
    static func response(body: ByteBuffer, etag: String, language: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .eTag: etag]
        if let language { headers[.contentLanguage] = language }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }

    static func entityTag(_ data: Data) -> String { "\"\(fnv1a(data))\"" }

    private static func fnv1a(_ data: Data) -> String {
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

extension ResponseEncodable {
    /// This view with another status, its language as `Content-Language`, the caller's entity tag
    /// (a cart's version) instead of the body's, or the `Location` of what a request created.
    func reply(_ status: HTTPResponse.Status? = nil, language: String? = nil, etag: String? = nil, location: String? = nil) -> EditedResponse<Self> {
        var headers = HTTPFields()
        if let language { headers[.contentLanguage] = language }
        if let etag { headers[.eTag] = etag }
        if let location { headers[.location] = location }
        return EditedResponse(status: status, headers: headers, response: self)
    }
}
