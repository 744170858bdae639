import Foundation
import PasarLocalization
import PasarStorage
import PasarTestSupport

/// The database behind one `TestServer`: SQLite in the server's directory by default; a database
/// named after that directory on the PostgreSQL server of `PASAR_TEST_POSTGRES_URL` when it is set.
enum TestDatabase {
    static func open(directory: URL, reused: Bool, indexLanguages: [LocaleTag], cartLifetime: TimeInterval) async throws -> PasarStores {
        guard let server = try TestPostgres.server() else {
            return try await PasarStores.open(
                directory.appendingPathComponent("pasar.sqlite").path, indexLanguages: indexLanguages, cartLifetime: cartLifetime)
        }
        let name = TestPostgres.databaseName(for: directory)
        if !reused { try await PostgresDatabase.createDatabase(named: name, on: server) }
        return try await PasarStores.postgres(server.database(name), indexLanguages: indexLanguages, cartLifetime: cartLifetime, maximumConnections: 8)
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
