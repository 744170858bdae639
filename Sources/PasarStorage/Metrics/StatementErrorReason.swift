import GRDB
import PostgresNIO

/// Why a read or write failed in the database, a small fixed set so the error counter keeps few
/// series (never the SQL or the server's message).
enum StatementErrorReason: String, CaseIterable, Sendable {
    /// The database could not serve it: gone, restarting, or locked past the busy timeout (`DatabaseUnavailable`).
    case unavailable
    /// A UNIQUE, CHECK, NOT NULL or foreign key constraint refused a change.
    case constraint
    /// Lost to a concurrent transaction: a deadlock or serialization failure, or a locked table.
    case conflict
    /// Anything else: bad SQL, a decoding failure, a full disk.
    case other

    /// The reason of a SQLite (GRDB) error; nil for errors that are not the database's, and for an
    /// interrupted statement (a cancelled request).
    init?(sqlite error: any Error) {
        guard let error = error as? DatabaseError else { return nil }
        if error.meansDatabaseUnavailable {
            self = .unavailable
            return
        }
        switch error.resultCode {
        case .SQLITE_INTERRUPT: return nil
        case .SQLITE_CONSTRAINT: self = .constraint
        case .SQLITE_LOCKED: self = .conflict
        default: self = .other
        }
    }

    /// The reason of a PostgreSQL error; nil for errors that are not the database's, and for a
    /// query cancelled with its request.
    init?(postgres error: any Error) {
        if DatabaseUnavailable.describes(error) {
            self = .unavailable
            return
        }
        guard let error = error as? PSQLError, error.code != .queryCancelled else { return nil }
        guard error.code == .server, let state = error.sqlState else {
            self = .other
            return
        }
        if state.hasPrefix("23") {
            self = .constraint
        } else if error.isTransient || state == "55P03" {
            self = .conflict
        } else {
            self = .other
        }
    }
}
