import Foundation
import Hummingbird

/// Reads a JSON request body into a type, turning every decoding failure into a 400 problem that
/// names the field (`variants[0].sku`) and what was expected.
enum JSONBody {
    static let limit = 1 << 20

    static func decode<Value: Decodable>(_ type: Value.Type, from request: Request, context: AppRequestContext) async throws -> Value {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw Problem(.contentTooLarge, code: "body_too_large", title: "Body too large", detail: "request bodies are limited to \(limit) bytes")
        }
        guard buffer.readableBytes > 0 else { throw Problem.invalidField("body", "a JSON body is required") }
        do {
            return try JSONDecoder().decode(Value.self, from: Data(buffer: buffer))
        } catch let error as DecodingError {
            throw problem(for: error)
        } catch let problem as Problem {
            throw problem
        }
    }

    static func problem(for error: DecodingError) -> Problem {
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return Problem.invalidField(field, "is required").saying("problem_required", ["field": .text(field)])
        case .typeMismatch(let type, let context):
            return .invalidField(path(context.codingPath), "must be \(describe(type))")
        case .valueNotFound(let type, let context):
            return .invalidField(path(context.codingPath), "must be \(describe(type)), not null")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return Problem.invalidField("body", "is not valid JSON (UTF-8): \(context.underlyingError.map { "\($0)" } ?? context.debugDescription)")
                    .saying("problem_not_json")
            }
            let field = path(context.codingPath)
            guard let reason = context.underlyingError as? BodyFieldError else { return Problem.invalidField(field, context.debugDescription) }
            return Problem.invalidField(field, reason.detail).saying(reason.messageKey, ["field": .text(field)])
        @unknown default:
            return .invalidField("body", "could not be read")
        }
    }

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
        if type is Int.Type || type is Int64.Type { return "a whole number" }
        if type is Bool.Type { return "true or false" }
        if name.hasPrefix("Dictionary") { return "an object" }
        if name.hasPrefix("Array") { return "a list" }
        return "an object"
    }
}
