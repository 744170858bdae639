import Logging
import PostgresNIO

/// `ChangeFeed` over PostgreSQL's LISTEN/NOTIFY on the `pasar_changes` channel. A notice sent inside
/// a transaction (`SELECT pg_notify(...)`) is delivered only when it commits.
public final class PostgresChangeFeed: ChangeFeed {
    static let channel = "pasar_changes"
    private let database: PostgresDatabase

    public init(database: PostgresDatabase) {
        self.database = database
    }

    public func announce(_ change: StorageChange) async {
        do {
            try await database.read { connection in
                try await connection.execute("SELECT pg_notify(\(Self.channel), \(change.payload))")
            }
        } catch {
            database.logger.warning("change notice not sent", metadata: ["error": "\(String(reflecting: error))"])
        }
    }

    public func listen(_ deliver: @escaping @Sendable (StorageChange) async -> Void) async {
        while !Task.isCancelled {
            do {
                // One pooled connection stays with the listener for as long as it runs.
                try await database.client.withConnection { connection in
                    try await connection.listen(on: Self.channel) { notifications in
                        for try await notification in notifications {
                            if let change = StorageChange(payload: notification.payload) { await deliver(change) }
                        }
                    }
                }
            } catch {
                if Task.isCancelled { return }
                database.logger.warning("change listener lost its connection; reconnecting", metadata: ["error": "\(String(reflecting: error))"])
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }
}
