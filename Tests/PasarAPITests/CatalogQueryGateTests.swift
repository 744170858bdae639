@testable import PasarAPI
import Testing

/// The gate in front of catalog queries: a slot each, the rest wait in order, a full queue is refused.
@Suite("Catalog query gate")
struct CatalogQueryGateTests {
    @Test func queriesPastTheQueueAreRefusedWithRetryAfter() async throws {
        let gate = CatalogQueryGate(slots: 1, queueLimit: 1)
        let (holding, hold) = AsyncStream.makeStream(of: Void.self)
        let (started, start) = AsyncStream.makeStream(of: Int.self)
        let first = Task {
            try await gate.run {
                start.yield(1)
                for await _ in holding {}
                return 1
            }
        }
        var events = started.makeAsyncIterator()
        #expect(await events.next() == 1, "the first query has the slot")
        let second = Task { try await gate.run { start.yield(2); return 2 } }
        while gate.waitingCount == 0 { await Task.yield() }
        do {
            _ = try await gate.run { 3 }
            Issue.record("a query past a full queue was admitted")
        } catch let problem as Problem {
            #expect(problem.status == .serviceUnavailable && problem.code == "search_busy")
            #expect(problem.headers[.retryAfter] == "1")
            #expect(problem.message?.key == "problem_search_busy")
        }
        hold.finish()
        #expect(try await first.value == 1)
        #expect(await events.next() == 2, "the waiting query runs once the slot is free")
        #expect(try await second.value == 2)
        #expect(try await gate.run { 4 } == 4, "an idle gate admits at once")
    }
}
