/// Why a request body's member was refused while decoding, carried as the `underlyingError` of a
/// `DecodingError` so `JSONRequestDecoder` can say it in the request's language without reading error text.
enum BodyFieldError: Error {
    /// A member the write does not know (`tax_clas`).
    case unknownField
    /// A number with a fraction or out of range where a whole number belongs.
    case notWholeNumber

    var detail: String {
        switch self {
        case .unknownField: "is not a field of this request"
        case .notWholeNumber: "must be a whole number"
        }
    }

    /// The catalog message that says `detail` in the request's language.
    var messageKey: String {
        switch self {
        case .unknownField: "problem_unknown_field"
        case .notWholeNumber: "problem_whole_number"
        }
    }

    /// The error to throw for the member at `codingPath`.
    func decodingError(at codingPath: [any CodingKey]) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: detail, underlyingError: self))
    }
}
