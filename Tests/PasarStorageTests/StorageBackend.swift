import Foundation
import PasarLocalization
import PasarStorage
import PasarTestSupport
import Testing

/// A database the storage tests run against: SQLite always, PostgreSQL when `PASAR_TEST_POSTGRES_URL`
/// names a server. Each test gets a fresh database opened twice, as two processes would open it.
enum StorageBackend: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgresql

    /// The backends to run: SQLite, and PostgreSQL when a server is configured.
    static var all: [StorageBackend] { TestPostgres.isConfigured ? [.sqlite, .postgresql] : [.sqlite] }

    var testDescription: String { rawValue }

    /// Creates an empty database, opens it as two independent `PasarStores` (two GRDB pools on one
    /// SQLite file, or two connection pools on one PostgreSQL database), runs `body`, then closes
    /// both and removes the database.
    func withTwoProcesses(_ body: (TwoProcesses) async throws -> Void) async throws {
        let languages = [try LocaleTag("en"), try LocaleTag("de")]
        let open: @Sendable () async throws -> PasarStores
        let remove: @Sendable () async throws -> Void
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pasar-storage-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent("pasar.sqlite").path
            open = { try await PasarStores.open(path, indexLanguages: languages, cartLifetime: Self.cartLifetime) }
            remove = { try FileManager.default.removeItem(at: directory) }
        case .postgresql:
            let server = try #require(try TestPostgres.server())
            let name = TestPostgres.databaseName(for: URL(fileURLWithPath: "/storage-\(UUID().uuidString)"))
            try await PostgresDatabase.createDatabase(named: name, on: server)
            open = {
                try await PasarStores.postgres(
                    server.database(name), indexLanguages: languages, cartLifetime: Self.cartLifetime, maximumConnections: 8)
            }
            remove = { try await PostgresDatabase.dropDatabase(named: name, on: server) }
        }
        var opened: [PasarStores] = []
        do {
            // One after the other: the first migrates the new database, the second finds it current.
            opened.append(try await open())
            opened.append(try await open())
            try await body(TwoProcesses(first: opened[0], second: opened[1]))
        } catch {
            for stores in opened { try? await stores.close() }
            try? await remove()
            throw error
        }
        for stores in opened { try await stores.close() }
        try await remove()
    }

    private static let cartLifetime: TimeInterval = 30 * 24 * 3600
}

/// Two sets of stores on one database, standing in for two processes behind a load balancer.
struct TwoProcesses: Sendable {
    let first: PasarStores
    let second: PasarStores

    /// The stores that handle request `index`: even indexes go to the first process, odd to the second.
    subscript(index: Int) -> PasarStores { index.isMultiple(of: 2) ? first : second }

    /// Runs `count` requests at once, request `index` on `self[index]`, and returns each outcome in
    /// request order.
    func concurrently<Value: Sendable>(
        _ count: Int, _ request: @escaping @Sendable (_ stores: PasarStores, _ index: Int) async throws -> Value
    ) async -> [Result<Value, any Error>] {
        await withTaskGroup(of: (Int, Result<Value, any Error>).self) { group in
            for index in 0..<count {
                let stores = self[index]
                group.addTask {
                    do { return (index, .success(try await request(stores, index))) } catch { return (index, .failure(error)) }
                }
            }
            var outcomes = [Result<Value, any Error>?](repeating: nil, count: count)
            for await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes.map { $0! }
        }
    }
}
