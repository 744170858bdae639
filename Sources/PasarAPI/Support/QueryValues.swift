import Hummingbird

/// Reads and validates query parameters, naming the parameter in every error.
struct QueryValues {
    let request: Request

    /// Refuses any parameter not in `known`, so a misspelt filter is an error rather than a silently
    /// unfiltered answer; `route` names what the parameters belong to.
    func refuseUnknown(_ known: Set<String>, route: String) throws {
        for (name, _) in request.uri.queryParameters where !known.contains(String(name)) {
            throw Problem.invalidField(String(name), "is not a parameter of \(route) (\(known.sorted().joined(separator: ", ")))")
        }
    }

    /// A trimmed, non-empty value, or nil when absent; refuses values longer than `maxLength`.
    /// `+` reads as a space, as HTML forms encode it (`q=black+tea`).
    func string(_ name: String, maxLength: Int = 200) throws -> String? {
        guard let value = request.uri.queryParameters.get(name) else { return nil }
        let trimmed = value.replacingOccurrences(of: "+", with: " ").trimmingCharacters(in: .whitespaces)
        guard trimmed.count <= maxLength else {
            throw Problem.invalidField(name, "must be at most \(maxLength) characters")
        }
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A parameter that, when present, has a value (`location=` alone is refused, not read as absent).
    func nonEmpty(_ name: String, maxLength: Int = 200) throws -> String? {
        guard request.uri.queryParameters.get(name) != nil else { return nil }
        guard let text = try string(name, maxLength: maxLength) else { throw Problem.invalidField(name, "must not be empty") }
        return text
    }

    /// A page cursor (`before=` from a previous page's `next_cursor`): a positive whole number; nil
    /// when absent, a problem when given empty or malformed.
    func cursor(_ name: String) throws -> Int64? {
        guard request.uri.queryParameters.get(name) != nil else { return nil }
        guard let text = try string(name, maxLength: 20), let value = Int64(text), value > 0 else {
            throw Problem.invalidField(name, "must be a cursor from next_cursor")
        }
        return value
    }

    func integer(_ name: String, default defaultValue: Int, range: ClosedRange<Int>) throws -> Int {
        guard request.uri.queryParameters.get(name) != nil else { return defaultValue }
        guard let text = try string(name), let value = Int(text), range.contains(value) else {
            throw Problem.invalidField(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func oneOf<Value: RawRepresentable & CaseIterable>(_ name: String, default defaultValue: Value) throws -> Value
    where Value.RawValue == String {
        try oneOf(name) ?? defaultValue
    }

    /// One of the values' raw names, or nil when the parameter is absent (given empty, it is refused).
    func oneOf<Value: RawRepresentable & CaseIterable>(_ name: String) throws -> Value? where Value.RawValue == String {
        guard request.uri.queryParameters.get(name) != nil else { return nil }
        guard let text = try string(name), let value = Value(rawValue: text) else {
            throw Problem.invalidField(name, "must be one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}

import Foundation
