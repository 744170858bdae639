/// A change that processes sharing one database must hear about: live cart streams follow the cart
/// wherever it was written, and caches of the catalog drop what another process replaced.
public enum StorageChange: Sendable, Equatable {
    case cart(id: String, version: Int64)
    case catalog

    /// The notification payload: `cart <version> <id>` or `catalog`.
    var payload: String {
        switch self {
        case .cart(let id, let version): "cart \(version) \(id)"
        case .catalog: "catalog"
        }
    }

    init?(payload: String) {
        let parts = payload.split(separator: " ", maxSplits: 2).map(String.init)
        switch parts.first {
        case "catalog": self = .catalog
        case "cart" where parts.count == 3:
            guard let version = Int64(parts[1]) else { return nil }
            self = .cart(id: parts[2], version: version)
        default: return nil
        }
    }
}

/// Carries `StorageChange`s between the processes of one database. SQLite has none: one process
/// owns the file, and its in-process fan-out suffices.
public protocol ChangeFeed: Sendable {
    /// Tells every process, this one included, about a change. Best effort: a lost notice only delays
    /// a live stream until its next change, and caches expire on their own.
    func announce(_ change: StorageChange) async
    /// Calls `deliver` with every change announced by any process, until the task is cancelled;
    /// reconnects when the database connection drops.
    func listen(_ deliver: @escaping @Sendable (StorageChange) async -> Void) async
}
