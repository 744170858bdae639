/// Why a storage write was refused; each maps to a 4xx at the HTTP edge.
public enum StorageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The record does not exist.
    case notFound(String)
    /// A unique value (slug, SKU) already belongs to another record.
    case conflict(field: String, message: String)
    /// Stored data could not be read back (a bug or a hand-edited database).
    case corrupt(String)

    public var description: String {
        switch self {
        case .notFound(let what): "\(what) not found"
        case .conflict(_, let message): message
        case .corrupt(let what): "stored data is unreadable: \(what)"
        }
    }
}
