import Foundation
public import Hummingbird

/// The request context's decoder: reads a JSON body (at most `maxUploadSize` bytes) with `StrictJSONDecoder`
/// and turns every failure into a 400 problem that names the field (`variants[0].sku`) and what was expected.
public struct JSONRequestDecoder: RequestDecoder {
    public func decode<Value: Decodable>(_ type: Value.Type, from request: Request, context: some RequestContext) async throws -> Value {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch {
            throw Problem(.contentTooLarge, code: "body_too_large", title: "Body too large", detail: "request bodies are limited to \(context.maxUploadSize) bytes")
        }
        guard buffer.readableBytes > 0 else { throw Problem.invalidField("body", "a JSON body is required") }
        return try Self.decode(Value.self, from: buffer.readableBytesView)
    }

    /// Decodes one JSON document (a body, a line of an import file), failures as problems.
    static func decode<Value: Decodable>(_ type: Value.Type, from bytes: some Collection<UInt8>) throws -> Value {
        do {
            return try StrictJSONDecoder().decode(Value.self, from: bytes)
        } catch let error as DecodingError {
            throw problem(for: error)
        }
    }

    static func problem(for error: DecodingError) -> Problem {
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return Problem.missingField(field)
        case .typeMismatch(let type, let context):
            return .invalidField(path(context.codingPath), "must be \(describe(type))")
        case .valueNotFound(let type, let context):
            return .invalidField(path(context.codingPath), "must be \(describe(type)), not null")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty, let syntax = context.underlyingError as? JSONValue.SyntaxError {
                return Problem.invalidField("body", "is not valid JSON (UTF-8): \(syntax)").saying("problem_not_json")
            }
            let field = path(context.codingPath)
            guard let reason = context.underlyingError as? BodyFieldError else { return Problem.invalidField(field, context.debugDescription) }
            return Problem.invalidField(field, reason.detail).saying(reason.messageKey, ["field": .text(field)])
        @unknown default:
            return .invalidField("body", "could not be read")
        }
    }

    /// `variants[0].sku`: the field a coding path names, as problems and the API reference write it.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "body" : text
    }

    private static func describe(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if type is String.Type { return "a string" }
        if type is Bool.Type { return "true or false" }
        if type is Double.Type || type is Float.Type || type is Decimal.Type { return "a number" }
        if name.hasPrefix("Array") { return "a list" }
        return "an object"
    }
}
