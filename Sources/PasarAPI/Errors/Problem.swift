import Foundation
public import Hummingbird
public import PasarLocalization

/// An RFC 9457 problem: the one error shape every Pasar route returns.
///
/// ```json
/// {"type": "urn:pasar:problem:invalid_field", "title": "Invalid field", "status": 400,
///  "code": "invalid_field", "detail": "lang: 'xx' is not a language of market ch (de, fr, it)",
///  "field": "lang"}
/// ```
public struct Problem: Error, HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    /// Stable snake_case code clients branch on.
    public let code: String
    public let title: String
    public let detail: String
    /// The request field at fault (`lang`, `cursor`, `translations.de.slug`), when there is one.
    public let field: String?
    /// Extra members (e.g. the languages a market offers).
    public let extensions: [String: String]
    /// Extra response headers (`Retry-After`, a stale cart's `ETag`).
    public var headers: HTTPFields = [:]
    /// Extra members that are objects (a stale cart's current `cart`), encoded as they are.
    var attachments: [String: any Encodable & Sendable] = [:]
    /// The catalog message (`Locales/messages/`) that says `detail` in the request's language;
    /// `ProblemMiddleware` formats it. `detail` stays the English text for logs and fallbacks.
    public var message: (key: String, arguments: [String: MessageArgument])?

    public init(
        _ status: HTTPResponse.Status, code: String, title: String, detail: String, field: String? = nil,
        extensions: [String: String] = [:]
    ) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.field = field
        self.extensions = extensions
    }

    /// A copy whose detail speaks `key` from the message catalog.
    func saying(_ key: String, _ arguments: [String: MessageArgument] = [:]) -> Problem {
        var problem = self
        problem.message = (key, arguments)
        return problem
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try response(from: request, detail: detail, language: nil)
    }

    /// The problem+json response, with `detail` as given (localized by the caller) and its language.
    func response(from request: Request, detail: String, language: String?) throws -> Response {
        var body: [String: AnyEncodableValue] = [
            "type": .string("urn:pasar:problem:\(code)"),
            "title": .string(title), "status": .int(Int(status.code)), "code": .string(code), "detail": .string(detail),
            "instance": .string(request.uri.path),
        ]
        if let field { body["field"] = .string(field) }
        for (key, value) in extensions { body[key] = .string(value) }
        for (key, value) in attachments { body[key] = .object(value) }
        let data = try JSONResponseEncoder.encoder.encode(body)
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        headers.append(contentsOf: self.headers)
        if let language { headers[.contentLanguage] = language }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The JSON values a problem body carries.
enum AnyEncodableValue: Encodable {
    case string(String)
    case int(Int)
    case object(any Encodable & Sendable)

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .int(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .object(let value):
            try value.encode(to: encoder)
        }
    }
}
