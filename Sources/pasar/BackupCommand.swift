import ArgumentParser
import PasarStorage

/// `pasar backup --db FILE OUT`: a consistent, checked copy of the SQLite database, taken while a
/// server may be writing to it.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the SQLite database to a file while servers keep running.",
        discussion: """
            The copy is one consistent snapshot (SQLite's online backup API), checked with PRAGMA integrity_check \
            before it is renamed into place; a copy that fails the check is removed. For PostgreSQL use pg_dump.
            """
    )

    @Option(help: "SQLite database file to copy (default PASAR_DB, else pasar.sqlite).")
    var db: String = Environment.value("PASAR_DB") ?? "pasar.sqlite"

    @Argument(help: "The backup file to write.")
    var out: String

    @Flag(help: "Replace OUT when it exists.")
    var force = false

    func validate() throws {
        if PostgresLocation.isURL(db) { throw ValidationError(DatabaseTool.postgresRefusal(command: "backup")) }
    }

    func run() throws {
        do {
            print("wrote \(try SQLiteBackup.run(database: db, to: out, replacing: force))")
        } catch {
            throw DatabaseTool.failure("backup", error)
        }
    }
}

/// Messages shared by the commands that handle database files.
enum DatabaseTool {
    /// Why `pasar backup` and `pasar restore` do not handle PostgreSQL, and what to use instead.
    static func postgresRefusal(command: String) -> String {
        "--db is a PostgreSQL URL: pasar \(command) handles SQLite files only. For PostgreSQL use pg_dump / pg_restore "
            + "(a consistent snapshot of the whole database, the pasar_migrations table included) or your "
            + "provider's point-in-time recovery; see \"Backups\" in the README"
    }

    /// Prints why a command failed, in one line, and returns the exit code to throw.
    static func failure(_ command: String, _ error: any Error) -> ExitCode {
        printError("pasar \(command): \(error)")
        return ExitCode(1)
    }
}
