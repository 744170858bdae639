/// What a reload did.
public enum MarketReloadResult: Sendable, CustomStringConvertible {
    /// The new files are in service.
    case reloaded(markets: [String])
    /// The files had problems; the previous markets stay in service.
    case rejected([MarketValidationIssue])

    public var description: String {
        switch self {
        case .reloaded(let markets): "reloaded \(markets.count) markets: \(markets.joined(separator: ", "))"
        case .rejected(let issues): "kept the markets in service; \(issues.count) problem(s): \(issues.map(\.description).joined(separator: "; "))"
        }
    }
}
