import Hummingbird
import Synchronization

/// Bounds how many list, search and suggestion queries read the database at once, so that a burst
/// of slow searches leaves cores for cart writes and checkouts: a query waits for one of `slots`,
/// in arrival order; when `queueLimit` are already waiting it is refused at once with 503 and
/// `Retry-After` rather than queued behind work it would time out on.
final class CatalogQueryGate: Sendable {
    let slots: Int
    let queueLimit: Int

    private struct State {
        var running = 0
        var waiting: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    init(slots: Int, queueLimit: Int? = nil) {
        self.slots = max(1, slots)
        self.queueLimit = queueLimit ?? 64 * max(1, slots)
    }

    /// Queries waiting for a slot.
    var waitingCount: Int { state.withLock { $0.waiting.count } }

    /// Runs `body` in a slot; throws `Problem.searchBusy` when the queue is full.
    func run<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        try await enter()
        defer { leave() }
        return try await body()
    }

    private enum Entry {
        case admitted, queued, refused
    }

    private func enter() async throws {
        let id = state.withLock { $0.nextID += 1; return $0.nextID }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let entry = state.withLock { state -> Entry in
                    if state.running < slots {
                        state.running += 1
                        return .admitted
                    }
                    guard state.waiting.count < queueLimit else { return .refused }
                    state.waiting.append((id, continuation))
                    return .queued
                }
                switch entry {
                case .admitted: continuation.resume()
                case .refused: continuation.resume(throwing: Problem.searchBusy)
                case .queued: break
                }
            }
        } onCancel: {
            let cancelled = state.withLock { state in
                state.waiting.firstIndex { $0.id == id }.map { state.waiting.remove(at: $0).continuation }
            }
            cancelled?.resume(throwing: CancellationError())
        }
    }

    /// Hands the slot to the longest waiting query, or frees it.
    private func leave() {
        let next = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            guard !state.waiting.isEmpty else {
                state.running -= 1
                return nil
            }
            return state.waiting.removeFirst().continuation
        }
        next?.resume()
    }
}

extension Problem {
    static var searchBusy: Problem {
        var problem = Problem(
            .serviceUnavailable, code: "search_busy", title: "Search busy",
            detail: "too many catalog searches are running; retry in 1 s")
        problem.headers[.retryAfter] = "1"
        problem.message = ("problem_search_busy", [:])
        return problem
    }
}
