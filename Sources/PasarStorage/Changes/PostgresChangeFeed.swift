import Logging
import PostgresNIO
import Synchronization

/// `ChangeFeed` over PostgreSQL's LISTEN/NOTIFY on the `pasar_changes` channel. A notice sent inside
/// a transaction (`SELECT pg_notify(...)`) is delivered only when it commits.
public final class PostgresChangeFeed: ChangeFeed {
    static let channel = "pasar_changes"
    private let database: PostgresDatabase

    public init(database: PostgresDatabase) {
        self.database = database
    }

    /// Changes waiting to be sent, and whether a caller is sending them.
    private let outgoing = Mutex<(changes: [StorageChange], sending: Bool)>(([], false))

    /// Under load, changes announced while one batch is on its way go out together in the next
    /// statement, so a busy process sends far fewer notices than it makes changes.
    public func announce(_ change: StorageChange) async {
        let leads = outgoing.withLock { state in
            state.changes.append(change)
            guard !state.sending else { return false }
            state.sending = true
            return true
        }
        guard leads else { return }
        while let batch = nextBatch() {
            do {
                try await database.read { connection in
                    try await connection.execute(
                        "SELECT pg_notify(\(Self.channel), payload) FROM unnest(\(batch.map(\.payload))::text[]) AS payload")
                }
            } catch {
                database.logger.warning("change notices not sent", metadata: ["count": "\(batch.count)", "error": "\(String(reflecting: error))"])
            }
        }
    }

    /// The changes waiting, or nil (and nobody sending) when there are none.
    private func nextBatch() -> [StorageChange]? {
        outgoing.withLock { state in
            guard !state.changes.isEmpty else {
                state.sending = false
                return nil
            }
            defer { state.changes.removeAll(keepingCapacity: true) }
            return state.changes
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
