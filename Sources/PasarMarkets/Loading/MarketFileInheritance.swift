import Yams

/// Resolves `extends`: merges a market file over the base files it names (bases may extend bases),
/// and sends each problem found in the merged result back to the file that holds the faulty value.
struct MarketFileInheritance {
    /// A base file of a chain, nearest first.
    struct Base {
        let file: String
        let node: Node
    }

    /// A market file merged over its bases.
    struct Resolved {
        let file: String
        let own: Node
        let merged: Node
        let bases: [Base]
        /// Problems with `extends` itself (missing base, cycle), already attributed to their file.
        let issues: [MarketValidationIssue]
        /// False when a base could not be read: the merged values are incomplete, so checking them
        /// would only repeat the base's problem as a list of missing fields.
        let isComplete: Bool
    }

    /// The parsed files of the directory, by file name.
    let documents: [String: Node]
    /// Files present in the directory that failed to parse (YAML syntax errors).
    let unreadable: Set<String>

    func resolve(_ node: Node, file: String) -> Resolved {
        var bases: [Base] = []
        var issues: [MarketValidationIssue] = []
        var isComplete = true
        var current = (file: file, node: node)
        var chain = [file]
        while case .mapping(let mapping) = current.node, let name = mapping["extends"] {
            guard let base = name.string, !base.isEmpty else {
                issues.append(.init(file: current.file, path: "extends", message: "must be the name of a base file, such as _eu-base"))
                break
            }
            let baseFile = base.hasSuffix(".yaml") || base.hasSuffix(".yml") ? base : "\(base).yaml"
            if chain.contains(baseFile) {
                let cycle = (chain + [baseFile]).joined(separator: " → ")
                issues.append(.init(file: current.file, path: "extends", message: "'\(base)' leads back to itself: \(cycle)"))
                break
            }
            if unreadable.contains(baseFile) {
                issues.append(.init(file: current.file, path: "extends", message: "the base file '\(baseFile)' has a YAML syntax error"))
                isComplete = false
                break
            }
            guard let baseNode = documents[baseFile] else {
                issues.append(.init(file: current.file, path: "extends", message: "there is no base file '\(baseFile)'"))
                isComplete = false
                break
            }
            if !baseFile.hasPrefix("_") {
                issues.append(.init(file: current.file, path: "extends", message: "'\(baseFile)' is a market; base file names start with _"))
            }
            bases.append(Base(file: baseFile, node: baseNode))
            chain.append(baseFile)
            current = (baseFile, baseNode)
        }
        let merged = bases.reversed().reduce(nil as Node?) { result, base in
            result.map { Self.merge(base: $0, over: base.node) } ?? base.node
        }
        return Resolved(
            file: file, own: node, merged: merged.map { Self.merge(base: $0, over: node) } ?? node, bases: bases, issues: issues,
            isComplete: isComplete)
    }

    /// Mappings merge key by key (recursively) and the child's value wins; lists and single values
    /// replace the base's. `extends` itself is never inherited.
    static func merge(base: Node, over child: Node) -> Node {
        guard case .mapping(let baseMapping) = base, case .mapping(let childMapping) = child else { return child }
        var pairs: [(Node, Node)] = []
        for (key, value) in baseMapping where key.string != "extends" {
            pairs.append((key, childMapping[key].map { merge(base: value, over: $0) } ?? value))
        }
        for (key, value) in childMapping where baseMapping[key] == nil { pairs.append((key, value)) }
        return .mapping(Node.Mapping(pairs))
    }

    /// The issue as the merchant should see it: in the file whose value is wrong. A value the
    /// market file sets itself, a missing field and a whole-file problem stay with the market file.
    static func attribute(_ issue: MarketValidationIssue, in resolved: Resolved) -> MarketValidationIssue {
        guard !issue.path.isEmpty, !resolved.own.hasValue(at: issue.path),
            let base = resolved.bases.first(where: { $0.node.hasValue(at: issue.path) })
        else { return issue }
        return MarketValidationIssue(file: base.file, path: issue.path, message: issue.message)
    }
}
