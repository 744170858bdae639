import GRDB
import PostgresNIO

/// The database cannot serve a request right now: PostgreSQL does not answer or dropped the
/// connection (stopped, restarting, unreachable), no pooled connection came within the lease
/// timeout, or the SQLite file stayed locked past the busy timeout or could not be read or written.
/// Asking again later may succeed; the HTTP edge answers 503 `database_unavailable` with `Retry-After`.
///
/// ```swift
/// catch where DatabaseUnavailable.describes(error) { … }   // this error, or a driver error that means it
/// ```
public struct DatabaseUnavailable: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }

    /// Whether `error` says the database is unavailable: this error, or a PostgreSQL or SQLite
    /// error that means it. Constraint violations, bad SQL and the like do not.
    public static func describes(_ error: any Error) -> Bool {
        switch error {
        case is DatabaseUnavailable: true
        case let error as PSQLError: error.meansDatabaseUnavailable
        case let error as DatabaseError: error.meansDatabaseUnavailable
        default: false
        }
    }
}

extension PSQLError {
    /// The connection failed or closed under a statement, or the server refused it because it is
    /// shutting down or starting up (SQLSTATE class 08, 57P01–57P03).
    var meansDatabaseUnavailable: Bool {
        switch code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
            return true
        case .server:
            guard let state = sqlState else { return false }
            return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
        default:
            return false
        }
    }
}

extension DatabaseError {
    /// SQLITE_BUSY (another process held the lock past the busy timeout), an I/O error, or a file
    /// that cannot be opened.
    var meansDatabaseUnavailable: Bool {
        [.SQLITE_BUSY, .SQLITE_IOERR, .SQLITE_CANTOPEN].contains(resultCode)
    }
}
