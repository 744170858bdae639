import ArgumentParser
import PasarStorage

/// `pasar restore BACKUP --db FILE`: puts a checked backup in place of a SQLite database that no
/// server is using.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the SQLite database with a backup; refused while a server uses it.",
        discussion: """
            The backup is copied beside the database, checked (PRAGMA integrity_check, a Pasar schema this version \
            knows), then renamed over it; the database's old -wal and -shm files are removed first. A running \
            pasar serve holds FILE.lock, and restore refuses while it does: stop the server first.
            """
    )

    @Argument(help: "The backup file, as pasar backup wrote it.")
    var backup: String

    @Option(help: "SQLite database file to replace (default PASAR_DB, else pasar.sqlite); created when missing.")
    var db: String = Environment.value("PASAR_DB") ?? "pasar.sqlite"

    func validate() throws {
        if PostgresLocation.isURL(db) { throw ValidationError(DatabaseTool.postgresRefusal(command: "restore")) }
    }

    func run() throws {
        do {
            print("restored \(backup) to \(try SQLiteRestore.run(backup: backup, to: db))")
        } catch {
            throw DatabaseTool.failure("restore", error)
        }
    }
}
