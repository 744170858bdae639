/// The market files could not be loaded; `issues` lists every problem.
public struct MarketLoadError: Error, CustomStringConvertible {
    public let issues: [MarketValidationIssue]
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
