import Foundation

extension KeyedDecodingContainer {
    /// A whole number that names its field when it is not one: `2.5`, `1e30` or `"two"` are refused
    /// as `quantity: must be a whole number` instead of a bare "invalid JSON" (Foundation's decoder
    /// reports numbers that do not fit an integer without a coding path).
    func decodeWholeNumberIfPresent(forKey key: Key) throws -> Int64? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        let value: Decimal
        do {
            value = try decode(Decimal.self, forKey: key)
        } catch DecodingError.typeMismatch {
            throw BodyFieldError.decodingError(.notWholeNumber, forKey: key, in: self)
        }
        var rounded = Decimal()
        var copy = value
        NSDecimalRound(&rounded, &copy, 0, .plain)
        guard rounded == value, value.magnitude <= Decimal(Int64.max) else {
            throw BodyFieldError.decodingError(.notWholeNumber, forKey: key, in: self)
        }
        return NSDecimalNumber(decimal: value).int64Value
    }

    func decodeWholeNumber(forKey key: Key) throws -> Int64 {
        guard let value = try decodeWholeNumberIfPresent(forKey: key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "is required"))
        }
        return value
    }
}
