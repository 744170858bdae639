import Synchronization

/// The markets in service, reloadable without a restart: `reload()` reads the directory again and
/// swaps in the new snapshot only if every file validates; otherwise the old markets stay.
///
/// ```swift
/// let registry = try MarketRegistry(directory: "Locales/markets")
/// registry.snapshot.market(code: "ch")?.currency.code   // "CHF"
/// ```
public final class MarketRegistry: Sendable {
    public let directory: String
    private let current: Mutex<MarketSnapshot>

    /// Loads `directory`; throws with every problem found when any file is invalid.
    public init(directory: String) throws(MarketLoadError) {
        let result = MarketLoader.load(directory: directory)
        guard result.issues.isEmpty else { throw MarketLoadError(issues: result.issues) }
        guard !result.markets.isEmpty else {
            throw MarketLoadError(issues: [MarketValidationIssue(file: directory, path: "", message: "no market files (*.yaml) found")])
        }
        self.directory = directory
        current = Mutex(MarketSnapshot(markets: result.markets))
    }

    /// The markets in service now; a value, so a request keeps one consistent view.
    public var snapshot: MarketSnapshot { current.withLock { $0 } }

    /// Reads the directory again; swaps atomically when it validates, else keeps the markets in service.
    @discardableResult
    public func reload() -> MarketReloadResult {
        let result = MarketLoader.load(directory: directory)
        guard result.issues.isEmpty, !result.markets.isEmpty else {
            return .rejected(result.issues.isEmpty ? [MarketValidationIssue(file: directory, path: "", message: "no market files")] : result.issues)
        }
        current.withLock { $0 = MarketSnapshot(markets: result.markets) }
        return .reloaded(markets: result.markets.map(\.code))
    }
}

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

/// The market files could not be loaded; `issues` lists every problem.
public struct MarketLoadError: Error, CustomStringConvertible {
    public let issues: [MarketValidationIssue]
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
