import Foundation
import PasarTestSupport
import Synchronization
import Testing

/// `pasar backup` and `pasar restore` over real processes: a backup taken while a server writes
/// keeps every write acknowledged before it began; restore refuses a live database and bad files.
@Suite("pasar backup and restore", .serialized)
struct BackupCommandTests {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pasar-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aBackupDuringWritesKeepsEveryWriteAcknowledgedBeforeItAndRestores() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("pasar.sqlite").path
        let backup = folder.appendingPathComponent("backup.sqlite").path
        let server = try await ServerProcess(database: database)
        defer { server.kill(signal: SIGKILL) }
        var carts: [String] = []
        for _ in 0..<4 {
            let created = try await server.request("POST", "/v1/carts", json: ["market": "de"])
            #expect(created.status == 201)
            carts.append(try #require(ServerProcess.object(created.body)["id"] as? String))
        }

        // Four writers add one unit at a time, each to its own cart, until told to stop; the backup
        // starts once 40 adds are acknowledged, and the writers keep going while it runs.
        let ledger = AcknowledgedAdds()
        let (enough, reached) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let outcome = try await withThrowingTaskGroup(of: Void.self) { group in
            for cart in carts {
                group.addTask {
                    do {
                        while !ledger.stopped {
                            let added = try await server.request("POST", "/v1/carts/\(cart)/lines", json: ["sku": "TEA-RIZE-BLACK-250G"])
                            guard added.status == 200 else { throw BackupTestError.refusedWrite(added.status) }
                            if ledger.acknowledge(cart: cart) >= 40 { reached.yield() }
                        }
                    } catch {
                        reached.finish()  // a failed writer ends the wait; waitForAll rethrows its error
                        throw error
                    }
                }
            }
            for await _ in enough { break }
            guard ledger.total >= 40 else {
                ledger.stop()
                try await group.waitForAll()
                throw BackupTestError.writersStopped
            }
            let beforeBackup = ledger.snapshot()
            let result = try await CommandRunner.runProgramDetached(CommandRunner.executable.path, ["backup", "--db", database, backup])
            ledger.stop()
            try await group.waitForAll()
            return (beforeBackup, result)
        }
        let (acknowledgedBeforeBackup, backupRun) = outcome
        #expect(backupRun.status == 0, "\(backupRun.standardError)")
        #expect(backupRun.standardOutput.hasPrefix("wrote \(backup): "), "\(backupRun.standardOutput)")
        #expect(backupRun.standardOutput.contains("integrity_check ok"))

        let refused = try CommandRunner.run(["restore", backup, "--db", database])
        #expect(refused.status != 0, "the server still uses the database")
        #expect(refused.standardError.contains("\(database) is in use: another process holds \(database).lock"), "\(refused.standardError)")

        let restoredDatabase = folder.appendingPathComponent("restored.sqlite").path
        let restored = try CommandRunner.run(["restore", backup, "--db", restoredDatabase])
        #expect(restored.status == 0, "\(restored.standardError)")
        #expect(restored.standardOutput.hasPrefix("restored \(backup) to \(restoredDatabase): "))

        let restarted = try await ServerProcess(database: restoredDatabase)
        defer { restarted.kill(signal: SIGKILL) }
        var inBackup: [String: Int] = [:]
        for (cart, acknowledged) in acknowledgedBeforeBackup {
            inBackup[cart] = try await quantity(of: cart, on: restarted)
            #expect(inBackup[cart] ?? 0 >= acknowledged, "cart \(cart): \(acknowledged) adds were acknowledged before the backup started")
        }

        // Restoring over the original database once its server is killed: the killed server's
        // write-ahead log (with the adds made after the backup) must not be replayed into it.
        server.kill(signal: SIGKILL)
        _ = await server.waitForExit()
        let overKilled = try CommandRunner.run(["restore", backup, "--db", database])
        #expect(overKilled.status == 0, "\(overKilled.standardError)")
        #expect(!FileManager.default.fileExists(atPath: database + "-wal"))
        let again = try await ServerProcess(database: database)
        defer { again.kill(signal: SIGKILL) }
        for cart in carts {
            #expect(try await quantity(of: cart, on: again) == inBackup[cart], "cart \(cart) is as in the backup")
        }
    }

    /// The quantity of the test's one SKU in a cart; 0 when the cart or the line is missing.
    private func quantity(of cart: String, on server: ServerProcess) async throws -> Int {
        let read = try await server.request("GET", "/v1/carts/\(cart)")
        #expect(read.status == 200, "cart \(cart) is in the database")
        let lines = ServerProcess.object(read.body)["lines"] as? [[String: Any]] ?? []
        return lines.first { $0["sku"] as? String == "TEA-RIZE-BLACK-250G" }?["quantity"] as? Int ?? 0
    }

    @Test func restoreRefusesFilesThatAreNotHealthyPasarDatabases() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.sqlite").path
        let garbage = folder.appendingPathComponent("garbage.sqlite").path
        try Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }).write(to: URL(fileURLWithPath: garbage))
        let notSQLite = try CommandRunner.run(["restore", garbage, "--db", target])
        #expect(notSQLite.status != 0)
        #expect(notSQLite.standardError.contains("pasar restore: \(garbage) is not a SQLite database"), "\(notSQLite.standardError)")
        #expect(!FileManager.default.fileExists(atPath: target), "nothing was written")

        let missing = try CommandRunner.run(["restore", folder.appendingPathComponent("none.sqlite").path, "--db", target])
        #expect(missing.status != 0)
        #expect(missing.standardError.contains("none.sqlite does not exist"))

        let corrupted = try corruptedBackup(in: folder)
        let refused = try CommandRunner.run(["restore", corrupted, "--db", target])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("pasar restore: \(corrupted) failed PRAGMA integrity_check: "), "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: target), "nothing was written")
        #expect(try leftovers(in: folder).isEmpty, "no temporary file is left behind")

        let copy = folder.appendingPathComponent("copy.sqlite").path
        let backup = try CommandRunner.run(["backup", "--db", corrupted, copy])
        #expect(backup.status != 0, "a copy that fails its check is an error")
        #expect(backup.standardError.contains("the copy of \(corrupted) (not written to \(copy)) failed PRAGMA integrity_check"), "\(backup.standardError)")
        #expect(!FileManager.default.fileExists(atPath: copy), "the bad copy was removed")
        #expect(try leftovers(in: folder).isEmpty)
    }

    @Test func backupRefusesAnExistingFileUnlessForced() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try seededDatabase(in: folder)
        let out = folder.appendingPathComponent("out.sqlite").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: out))
        let refused = try CommandRunner.run(["backup", "--db", database, out])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("\(out) already exists: choose another name, or pass --force to replace it"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "keep me")
        let forced = try CommandRunner.run(["backup", "--db", database, out, "--force"])
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)).prefix(15) == Data("SQLite format 3".utf8))
    }

    @Test(arguments: [["backup", "--db", "postgres://pasar@localhost/pasar", "out.sqlite"], ["restore", "in.sqlite", "--db", "postgres://pasar@localhost/pasar"]])
    func postgresIsLeftToPgDump(arguments: [String]) throws {
        let output = try CommandRunner.run(arguments)
        #expect(output.status != 0)
        #expect(output.standardError.contains("--db is a PostgreSQL URL: pasar \(arguments[0]) handles SQLite files only. For PostgreSQL use pg_dump"), "\(output.standardError)")
    }

    /// A Pasar database made by `pasar import` (no server needed).
    private func seededDatabase(in folder: URL) throws -> String {
        let database = folder.appendingPathComponent("seed.sqlite").path
        let imported = try CommandRunner.run(["import", Fixtures.path("catalog/demo-catalog.jsonl"), "--db", database])
        #expect(imported.status == 0, "\(imported.standardError)")
        return database
    }

    /// A backup of a real database with four pages in the middle overwritten (page 1, the schema, intact).
    private func corruptedBackup(in folder: URL) throws -> String {
        let database = try seededDatabase(in: folder)
        let backup = folder.appendingPathComponent("corrupted.sqlite").path
        let made = try CommandRunner.run(["backup", "--db", database, backup])
        #expect(made.status == 0, "\(made.standardError)")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: backup))
        let page = 4096
        let middle = (bytes.count / page / 2) * page
        bytes.replaceSubrange(middle..<middle + 4 * page, with: Data(repeating: 0xA5, count: 4 * page))
        try bytes.write(to: URL(fileURLWithPath: backup))
        return backup
    }

    /// Hidden temporary files a backup or restore would leave in the folder.
    private func leftovers(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
    }
}

/// The adds each cart's writer has seen acknowledged, and the signal to stop.
final class AcknowledgedAdds: Sendable {
    private let counts = Mutex<[String: Int]>([:])
    private let stopFlag = Atomic<Bool>(false)

    /// Records one acknowledged add and returns how many every cart has together.
    func acknowledge(cart: String) -> Int {
        counts.withLock { counts in
            counts[cart, default: 0] += 1
            return counts.values.reduce(0, +)
        }
    }

    func snapshot() -> [String: Int] { counts.withLock { $0 } }
    var total: Int { counts.withLock { $0.values.reduce(0, +) } }
    var stopped: Bool { stopFlag.load(ordering: .acquiring) }
    func stop() { stopFlag.store(true, ordering: .releasing) }
}

enum BackupTestError: Error {
    case refusedWrite(Int)
    case writersStopped
}
