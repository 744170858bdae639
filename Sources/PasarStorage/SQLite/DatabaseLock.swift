import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive `flock` on `<database>.lock` that says a process is using a SQLite database file:
/// `pasar serve` holds it for its whole life, `pasar restore` takes it before it replaces the file.
/// The kernel drops the lock when the process ends, however it ends (even SIGKILL), so a stale lock
/// file is harmless; the file itself is never deleted (deleting a lock file races with its users).
///
/// ```swift
/// let lock = try DatabaseLock(database: "pasar.sqlite")   // locks pasar.sqlite.lock, or throws `.inUse`
/// defer { lock.release() }
/// ```
public final class DatabaseLock: Sendable {
    /// The lock file: the database path with `.lock` appended.
    public let path: String
    private let descriptor: Mutex<Int32?>

    /// The lock file of a database file.
    public static func lockPath(forDatabase database: String) -> String { database + ".lock" }

    /// Takes the lock without waiting; throws `DatabaseLockError.inUse` when another process holds it.
    public init(database: String) throws(DatabaseLockError) {
        let path = Self.lockPath(forDatabase: database)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            if code == EWOULDBLOCK { throw .inUse(database: database, lockFile: path) }
            throw .cannotOpen(path: path, reason: String(cString: strerror(code)))
        }
        self.path = path
        self.descriptor = Mutex(descriptor)
    }

    /// Lets other processes take the lock; releasing twice does nothing.
    public func release() {
        descriptor.withLock { descriptor in
            if let open = descriptor { close(open) }
            descriptor = nil
        }
    }

    deinit { release() }
}

extension DatabaseLock {
    /// Locks a SQLite database for the rest of this process's life (nothing for a `postgres://` URL,
    /// which several servers share). `pasar serve` calls it before opening the database.
    public static func holdUntilExit(database: String) throws(DatabaseLockError) {
        guard !PostgresLocation.isURL(database) else { return }
        let lock = try DatabaseLock(database: database)
        held.withLock { $0.append(lock) }
    }

    /// The locks held until exit.
    private static let held = Mutex<[DatabaseLock]>([])
}

/// Why a database lock could not be taken.
public enum DatabaseLockError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Another process (a running `pasar serve`, or a restore) holds the lock.
    case inUse(database: String, lockFile: String)
    /// The lock file could not be opened or locked.
    case cannotOpen(path: String, reason: String)

    public var description: String {
        switch self {
        case .inUse(let database, let lockFile):
            "\(database) is in use: another process holds \(lockFile) (a running pasar serve, or a restore); stop it first"
        case .cannotOpen(let path, let reason):
            "cannot lock \(path): \(reason)"
        }
    }
}
