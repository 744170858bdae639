/// Why a backup or a restore of a SQLite database was refused or failed; each message names the file.
public enum SQLiteBackupError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database or backup to read does not exist.
    case missing(String)
    /// The output exists and `--force` was not given.
    case exists(String)
    /// The file is not a SQLite database at all.
    case notSQLite(path: String, reason: String)
    /// `PRAGMA integrity_check` did not answer `ok`.
    case corrupt(path: String, problems: [String])
    /// A SQLite database, but without Pasar's migrations table.
    case notPasar(String)
    /// A Pasar database with migrations this version of Pasar does not know.
    case newerSchema(path: String, unknown: [String])
    /// Reading, writing or renaming a file failed.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path): "\(path) does not exist"
        case .exists(let path): "\(path) already exists: choose another name, or pass --force to replace it"
        case .notSQLite(let path, let reason): "\(path) is not a SQLite database (\(reason))"
        case .corrupt(let path, let problems):
            "\(path) failed PRAGMA integrity_check: \(problems.prefix(5).joined(separator: "; "))\(problems.count > 5 ? " (and \(problems.count - 5) more)" : "")"
        case .notPasar(let path): "\(path) is a SQLite database but not a Pasar one (it has no grdb_migrations table)"
        case .newerSchema(let path, let unknown):
            "\(path) was written by a newer Pasar (migrations \(unknown.joined(separator: ", ")) are unknown here): restore it with that version"
        case .io(let path, let reason): "\(path): \(reason)"
        }
    }
}
