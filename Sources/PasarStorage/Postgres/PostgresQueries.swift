import Logging
import NIOCore
import PostgresNIO
import Synchronization

/// The few query shapes the stores use, on one connection. Values are bound through `PostgresQuery`
/// interpolation (`"… WHERE id = \(id)"` sends `$1`), never spliced into the SQL text.
extension PostgresConnection {
    static let queryLogger = Logger(label: "pasar.postgres.query")

    /// Every row of the result, addressable by column name.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRandomAccessRow] {
        try await run(query).rows.map { $0.makeRandomAccess() }
    }

    /// The first row, if any.
    func row(_ query: PostgresQuery) async throws -> PostgresRandomAccessRow? {
        try await rows(query).first
    }

    /// The first column of the first row; nil when there is no row or the value is NULL.
    func value<Value: PostgresDecodable>(_ query: PostgresQuery, as type: Value.Type = Value.self) async throws -> Value? {
        guard let cell = try await run(query).rows.first?.makeRandomAccess()[0], cell.bytes != nil else { return nil }
        return try cell.decode(Value.self)
    }

    /// The values of the first column.
    func values<Value: PostgresDecodable>(_ query: PostgresQuery, as type: Value.Type = Value.self) async throws -> [Value] {
        try await run(query).rows.map { try $0.makeRandomAccess()[0].decode(Value.self) }
    }

    /// Runs a statement; returns how many rows it inserted, updated or deleted.
    @discardableResult
    func execute(_ query: PostgresQuery, logger: Logger = PostgresConnection.queryLogger) async throws -> Int {
        try await run(query, logger: logger).metadata.rows ?? 0
    }

    private func run(_ query: PostgresQuery, logger: Logger = PostgresConnection.queryLogger) async throws -> PostgresQueryResult {
        try await failingOnClose { try await self.query(query, logger: logger).get() }
    }

    /// Runs `statement`, failing once the connection closes under it. The driver can leave a
    /// statement pending for ever when the server ends the session at that moment (a shutdown), and
    /// a request must not wait on it: it fails with `DatabaseUnavailable`, the statement's outcome
    /// unknown. While it runs, a timer looks at the connection every 200 ms.
    func failingOnClose<Result: Sendable>(_ statement: @escaping @Sendable () async throws -> Result) async throws -> Result {
        let settled = SettledOnce()
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
            let watch = eventLoop.scheduleRepeatedTask(initialDelay: .milliseconds(200), delay: .milliseconds(200)) { [self] watch in
                guard isClosed, settled.claim() else { return }
                watch.cancel()
                continuation.resume(throwing: DatabaseUnavailable("the connection to the PostgreSQL server closed during a statement"))
            }
            Task {
                let result: Swift.Result<Result, any Error>
                do { result = .success(try await statement()) } catch { result = .failure(error) }
                watch.cancel()
                if settled.claim() { continuation.resume(with: result) }
            }
        }
    }
}

/// Lets the first of two outcomes (the statement's, or its connection closing) resume the caller; the other does nothing.
private final class SettledOnce: Sendable {
    private let settled = Mutex(false)

    func claim() -> Bool {
        settled.withLock { settled in
            defer { settled = true }
            return !settled
        }
    }
}

extension PostgresRandomAccessRow {
    /// The column's value; throws `StorageError.corrupt` when it has another type.
    func get<Value: PostgresDecodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        do {
            return try self[column].decode(Value.self)
        } catch {
            throw StorageError.corrupt("column \(column)")
        }
    }
}
