import Logging

extension JSONBytes {
    /// A log metadata value: strings, numbers (integers and finite floating-point values, which
    /// stay numbers for log queries), arrays and objects (members in key order).
    mutating func metadata(_ value: Logger.Metadata.Value) {
        switch value {
        case .string(let text):
            string(text)
        case .stringConvertible(let convertible):
            if let digits = Self.numberText(convertible) { number(digits) } else { string(convertible.description) }
        case .array(let values):
            array(values) { json, value in json.metadata(value) }
        case .dictionary(let values):
            object { json in
                for (key, value) in values.sorted(by: { $0.key < $1.key }) {
                    json.key(named: key)
                    json.metadata(value)
                }
            }
        }
    }

    /// Integers and finite floating-point numbers in JSON's notation; nil for anything else.
    static func numberText(_ value: any CustomStringConvertible & Sendable) -> String? {
        switch value {
        case let integer as any BinaryInteger: integer.description
        case let double as Double where double.isFinite: double.description
        default: nil
        }
    }
}
