import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// File steps shared by backup and restore: temporary names beside a target, durable renames, and
/// SQLite's companion files.
enum SQLiteFiles {
    /// A new hidden file name in the same folder as `target`, so a rename onto `target` is atomic.
    static func temporaryPath(beside target: String, purpose: String) -> String {
        let url = URL(fileURLWithPath: target)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(purpose)-\(UUID().uuidString)").path
    }

    /// The files SQLite keeps beside a database: write-ahead log, shared memory, rollback journal.
    static func companions(of database: String) -> [String] {
        ["-wal", "-shm", "-journal"].map { database + $0 }
    }

    /// Removes a database file and its companions, ignoring the ones that do not exist.
    static func remove(_ database: String) {
        for path in [database] + companions(of: database) { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Flushes `path` to disk, renames it onto `target` (replacing it) and flushes the folder, so
    /// after a crash `target` is either the old file or the whole new one.
    static func durablyRename(_ path: String, to target: String) throws(SQLiteBackupError) {
        try sync(path, display: target)
        guard rename(path, target) == 0 else { throw .io(path: target, reason: "cannot rename into place: \(String(cString: strerror(errno)))") }
        try sync(URL(fileURLWithPath: target).deletingLastPathComponent().path, display: target)
    }

    private static func sync(_ path: String, display: String) throws(SQLiteBackupError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io(path: display, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw .io(path: display, reason: "fsync: \(String(cString: strerror(errno)))") }
    }
}
