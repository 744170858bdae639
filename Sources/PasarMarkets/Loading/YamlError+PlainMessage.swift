import Yams

extension YamlError {
    /// One line for a merchant: where and what (`line 2, column 12: did not find expected ',' or ']'`),
    /// without Yams's multi-line source snippet.
    var plainMessage: String {
        switch self {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let during = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return "line \(mark.line), column \(mark.column): \(problem)\(during)"
        case .duplicatedKeysInMapping(let duplicates, let context):
            return "line \(context.mark.line): the key \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")) appears twice"
        default:
            return description.split(separator: "\n").first.map(String.init) ?? "\(self)"
        }
    }
}
