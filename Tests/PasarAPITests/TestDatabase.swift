import Foundation
import PasarAPI
import PasarLocalization
import PasarStorage
import PasarTestSupport

/// The database behind one `TestServer`: SQLite in the server's directory by default; a database
/// named after that directory on the PostgreSQL server of `PASAR_TEST_POSTGRES_URL` when it is set.
enum TestDatabase {
    /// What a new database holds before the test starts: `name` tells seeds apart, `fill` writes them.
    struct Seed: Sendable {
        let name: String
        let fill: @Sendable (PasarStores) async throws -> Void
    }

    /// Opens the database, reporting to `metrics`; a new one (not `reused`) is seeded first.
    static func open(
        directory: URL, reused: Bool, seed: Seed, indexLanguages: [LocaleTag], cartLifetime: TimeInterval, metrics: PasarMetrics = .off
    ) async throws -> PasarStores {
        guard let server = try TestPostgres.server() else {
            let file = directory.appendingPathComponent("pasar.sqlite")
            if !reused {
                let template = try await SeedTemplates.shared.sqliteFile(for: seed, indexLanguages: indexLanguages)
                try FileManager.default.copyItem(at: template, to: file)
            }
            return try await PasarStores.open(file.path, indexLanguages: indexLanguages, cartLifetime: cartLifetime, metrics: metrics.databaseFactory)
        }
        let name = TestPostgres.databaseName(for: directory)
        if !reused {
            let template = try await SeedTemplates.shared.postgresDatabase(for: seed, on: server, indexLanguages: indexLanguages)
            try await PostgresDatabase.createDatabase(named: name, template: template, on: server)
        }
        return try await PasarStores.postgres(
            server.database(name), indexLanguages: indexLanguages, cartLifetime: cartLifetime, maximumConnections: 8, metrics: metrics.databaseFactory)
    }

    /// Closes the stores and, unless `keep` (a restart test reopens them), removes the database.
    static func close(_ stores: PasarStores, directory: URL, keep: Bool) async throws {
        try await stores.close()
        guard !keep else { return }
        try? FileManager.default.removeItem(at: directory)
        if let server = try TestPostgres.server() {
            try await PostgresDatabase.dropDatabase(named: TestPostgres.databaseName(for: directory), on: server)
        }
    }
}

/// Seeded databases that test databases are copied from: a hundred test servers on two cores would
/// otherwise each run the migrations and import the same catalog, and the run would be spent doing
/// that instead of answering the tests. Each seed is written once per process, on first use.
actor SeedTemplates {
    static let shared = SeedTemplates()

    /// What each seed was written to (a SQLite file's path, a PostgreSQL database's name), by database and seed.
    private var made: [String: Task<String, any Error>] = [:]

    /// A closed SQLite file holding `seed` (its WAL checkpointed into it on close).
    func sqliteFile(for seed: TestDatabase.Seed, indexLanguages: [LocaleTag]) async throws -> URL {
        URL(fileURLWithPath: try await once("sqlite|\(seed.name)") {
            let directory = try Self.sqliteDirectory().appendingPathComponent(UUID().uuidString)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let file = directory.appendingPathComponent("pasar.sqlite")
            try await Self.fill(try await PasarStores.open(file.path, indexLanguages: indexLanguages, cartLifetime: 3600), with: seed)
            return file.path
        })
    }

    /// A PostgreSQL database holding `seed`, which nobody stays connected to.
    func postgresDatabase(for seed: TestDatabase.Seed, on server: PostgresLocation, indexLanguages: [LocaleTag]) async throws -> String {
        try await once("postgres|\(seed.name)") {
            let name = "pasar_template_\(seed.name.lowercased().filter { $0.isLetter || $0.isNumber }.suffix(40))"
            try await PostgresDatabase.dropDatabase(named: name, on: server)
            try await PostgresDatabase.createDatabase(named: name, on: server)
            try await Self.fill(
                try await PasarStores.postgres(server.database(name), indexLanguages: indexLanguages, cartLifetime: 3600, maximumConnections: 8),
                with: seed)
            return name
        }
    }

    /// `make`'s result for `key`, made by the first caller; later and concurrent callers wait for it.
    private func once(_ key: String, _ make: @escaping @Sendable () async throws -> String) async throws -> String {
        if let making = made[key] { return try await making.value }
        let making = Task(operation: make)
        made[key] = making
        return try await making.value
    }

    /// This process's folder of SQLite templates; those of processes that ended are removed.
    private static func sqliteDirectory() throws -> URL {
        let all = FileManager.default.temporaryDirectory.appendingPathComponent("pasar-test-templates")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: all.path)) ?? [] {
            if let pid = Int32(name), kill(pid, 0) != 0 { try? FileManager.default.removeItem(at: all.appendingPathComponent(name)) }
        }
        return all.appendingPathComponent(String(ProcessInfo.processInfo.processIdentifier))
    }

    private static func fill(_ stores: PasarStores, with seed: TestDatabase.Seed) async throws {
        do {
            try await seed.fill(stores)
        } catch {
            try? await stores.close()
            throw error
        }
        try await stores.close()
    }
}
