import PostgresNIO
import Synchronization

extension PostgresDatabase {
    /// A wait this long for a pooled connection means overload, not a busy moment: it fails too.
    static let busyLimit: Duration = .seconds(30)

    /// Runs `body` on a pooled connection.
    ///
    /// While the server cannot be reached the pool keeps every request waiting and retries in the
    /// background (its own give-up comes after a minute); a request should instead fail fast with
    /// `DatabaseUnavailable` and succeed again as soon as the pool reconnects. A wait is cut short
    /// after `leaseTimeout` only while `outage` says the server seems gone (a connection failed or
    /// closed under a statement, or its port refused a probe made once a wait grew long), so
    /// requests queueing for a busy pool keep waiting (up to `busyLimit`). Only the wait is bounded: once `body` runs nothing interrupts it, so no timer
    /// decides a write's outcome. `pool` (the reads' or the writes' metrics) times the wait and counts
    /// the connection in use; an error `body` ends with is counted by its reason.
    func withConnection<Result: Sendable>(_ pool: PoolMetrics?, _ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        let measured = pool.map(PoolLease.init)
        let (leases, lease) = AsyncThrowingStream.makeStream(of: PostgresConnection.self)
        let handBack = LeaseHandBack()
        // A task of its own holds the lease, so a wait that timed out is abandoned at once (the
        // pool may take a while to drop it); `body` runs here.
        let holder = Task { [client] in
            do {
                try await client.withConnection { connection in
                    lease.yield(connection)
                    await handBack.wait()
                }
            } catch {
                lease.finish(throwing: error)
            }
        }
        let timer = Task { [leaseTimeout, location, outage] in
            let start = ContinuousClock.now
            var probed = false
            while true {
                try await Task.sleep(for: .milliseconds(100))
                let waited = ContinuousClock.now - start
                if waited >= leaseTimeout, !outage.isOn, !probed {
                    // A long wait: a busy pool, or a server that went away while nothing ran.
                    probed = true
                    if await !location.acceptsConnections() { outage.set(true) }
                }
                if waited >= Self.busyLimit || (waited >= leaseTimeout && outage.isOn) {
                    lease.finish(throwing: DatabaseUnavailable("no connection to the PostgreSQL server at \(location.server) within \(waited)"))
                    return
                }
            }
        }
        defer {
            timer.cancel()
            handBack.done()
            measured?.ended()
        }
        let connection: PostgresConnection
        do {
            var iterator = leases.makeAsyncIterator()
            guard let leased = try await iterator.next() else { throw CancellationError() }
            connection = leased
        } catch {
            holder.cancel()
            if error is CancellationError { throw error }
            outage.set(true)
            if error is DatabaseUnavailable { throw error }
            // The pool could not connect, gave up (its circuit breaker) or is shutting down.
            throw DatabaseUnavailable("no connection to the PostgreSQL server at \(location.server): \(String(reflecting: error))")
        }
        timer.cancel()
        outage.set(false)
        measured?.acquired()
        defer { measured?.released() }
        do {
            return try await body(connection)
        } catch {
            if DatabaseUnavailable.describes(error) { outage.set(true) }
            metrics?.count(StatementErrorReason(postgres: error))
            throw error
        }
    }
}

/// Whether the database server seems gone right now.
final class OutageSignal: Sendable {
    private let on = Mutex(false)

    var isOn: Bool { on.withLock { $0 } }

    func set(_ value: Bool) { on.withLock { $0 = value } }
}

/// The signal that gives a leased connection back to the pool: the task holding the lease waits
/// for it without reacting to cancellation, so the connection is never returned while `body` uses it.
private final class LeaseHandBack: Sendable {
    private enum State {
        case inUse(CheckedContinuation<Void, Never>?)
        case done
    }

    private let state = Mutex(State.inUse(nil))

    func wait() async {
        await withCheckedContinuation { continuation in
            let finished = state.withLock { state in
                guard case .inUse = state else { return true }
                state = .inUse(continuation)
                return false
            }
            if finished { continuation.resume() }
        }
    }

    func done() {
        let waiting = state.withLock { state -> CheckedContinuation<Void, Never>? in
            defer { state = .done }
            if case .inUse(let continuation) = state { return continuation }
            return nil
        }
        waiting?.resume()
    }
}
