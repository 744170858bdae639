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
    /// Held for a whole reload, so two reloads (SIGHUP and the admin route) cannot finish out of order.
    private let reloading = Mutex(())

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
        reloading.withLock { _ in
            let result = MarketLoader.load(directory: directory)
            guard result.issues.isEmpty, !result.markets.isEmpty else {
                return .rejected(
                    result.issues.isEmpty ? [MarketValidationIssue(file: directory, path: "", message: "no market files (*.yaml) found")] : result.issues)
            }
            current.withLock { $0 = MarketSnapshot(markets: result.markets) }
            return .reloaded(markets: result.markets.map(\.code))
        }
    }
}
