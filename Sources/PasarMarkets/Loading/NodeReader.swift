import PasarCore
import Yams

/// Reads values out of a YAML node tree for one file, recording every problem with its field path
/// instead of stopping at the first, so a merchant sees all mistakes in one run.
final class NodeReader {
    let file: String
    private(set) var issues: [MarketValidationIssue] = []

    init(file: String) { self.file = file }

    func report(_ path: String, _ message: String) {
        issues.append(MarketValidationIssue(file: file, path: path, message: message))
    }

    /// The value that marks a field still to fill in (`pasar markets new` writes it).
    static let placeholder = "TODO"

    /// Reports a `TODO` value as left to fill in; true when `node` is one.
    func isPlaceholder(_ node: Node?, _ path: String) -> Bool {
        guard case .scalar(let scalar)? = node, scalar.string == Self.placeholder else { return false }
        report(path, "is TODO: fill it in as the comment beside it says")
        return true
    }

    /// A mapping's members by key; unknown keys are reported (typos must not pass silently).
    func mapping(_ node: Node?, _ path: String, allowed: Set<String>, required: Bool = true) -> [String: Node]? {
        if isPlaceholder(node, path) { return nil }
        guard let node, !isNull(node) else {
            if required { report(path, "is required") }
            return nil
        }
        guard case .mapping(let mapping) = node else {
            report(path, "must be a mapping of keys to values")
            return nil
        }
        var members: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            let fieldPath = join(path, name)
            if !allowed.isEmpty, !allowed.contains(name) {
                let suggestion = allowed.min { editDistance($0, name) < editDistance($1, name) }.map { " (did you mean '\($0)'?)" } ?? ""
                report(fieldPath, "unknown field\(suggestion)")
                continue
            }
            members[name] = value
        }
        return members
    }

    func string(_ node: Node?, _ path: String, required: Bool = true) -> String? {
        if isPlaceholder(node, path) { return nil }
        guard let node, !isNull(node) else {
            if required { report(path, "is required") }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            report(path, "must be a single value")
            return nil
        }
        return scalar.string
    }

    func strings(_ node: Node?, _ path: String, required: Bool = true) -> [String]? {
        if isPlaceholder(node, path) { return nil }
        guard let node, !isNull(node) else {
            if required { report(path, "is required") }
            return nil
        }
        guard case .sequence(let sequence) = node else {
            report(path, "must be a list")
            return nil
        }
        return sequence.enumerated().compactMap { string($0.element, "\(path)[\($0.offset)]") }
    }

    /// A mapping of plain strings (localized names).
    func stringMap(_ node: Node?, _ path: String, required: Bool = true) -> [String: String]? {
        guard let members = mapping(node, path, allowed: [], required: required) else { return nil }
        return members.reduce(into: [:]) { result, member in
            if let value = string(member.value, join(path, member.key)) { result[member.key] = value }
        }
    }

    /// An exact decimal, written quoted (`"8.1"`) or bare (`8.1`); the digits are read as text, never as a float.
    func decimal(_ node: Node?, _ path: String, required: Bool = true) -> ExactDecimal? {
        guard let text = string(node, path, required: required) else { return nil }
        guard let value = try? ExactDecimal(text) else {
            report(path, "'\(text)' is not a decimal number like 8.1")
            return nil
        }
        return value
    }

    func bool(_ node: Node?, _ path: String, default defaultValue: Bool) -> Bool {
        guard let text = string(node, path, required: false) else { return defaultValue }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report(path, "must be true or false")
            return defaultValue
        }
    }

    func integer(_ node: Node?, _ path: String, range: ClosedRange<Int>) -> Int? {
        guard let text = string(node, path, required: false) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            report(path, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    func oneOf<Value: RawRepresentable & CaseIterable>(_ node: Node?, _ path: String, default defaultValue: Value) -> Value
    where Value.RawValue == String {
        guard let text = string(node, path, required: false) else { return defaultValue }
        guard let value = Value(rawValue: text) else {
            report(path, "'\(text)' must be one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
            return defaultValue
        }
        return value
    }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private func isNull(_ node: Node) -> Bool {
        node.null != nil
    }

    private func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j] + (x == y ? 0 : 1), previous[j + 1] + 1, current[j] + 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
