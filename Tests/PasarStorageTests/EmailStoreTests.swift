import Foundation
import PasarStorage
import Testing

/// Customer emails on both databases (`EmailStore`): one per order event that tells the customer
/// something, made once whoever fans out, leased to one process at a time, due again when a lease
/// runs out (a crash), retried or failed as the sender decides.
@Suite("Customer emails")
struct EmailStoreTests {
    @Test(arguments: StorageBackend.all)
    func eachCustomerEventIsOneEmailAndOnlyOneProcessSendsIt(backend: StorageBackend) async throws {
        try await backend.withTwoProcesses { processes in
            let (first, second) = (processes.first, processes.second)
            let orderID = try await StorageFixtures.collectedOrder(on: second)
            let now = Date()
            async let a = first.emails.fanOut(now: now)
            async let b = second.emails.fanOut(now: now)
            _ = try await (a, b)
            try await first.emails.fanOut(now: now)

            let emails = try await first.emails.messages(status: nil, orderID: orderID, before: nil, limit: 50)
            // order_collected happens in front of the customer: no email.
            #expect(emails.map(\.kind) == ["order_ready_for_pickup", "order_paid", "order_placed"])
            #expect(emails.allSatisfy { $0.recipient == "kunde@example.com" && $0.language == "de" && $0.status == .pending })
            #expect(emails.allSatisfy { $0.id == "evt_\($0.eventSequence ?? 0)" })

            let lease = now.addingTimeInterval(60)
            async let claimedA = first.emails.claim(now: now, leaseUntil: lease, limit: 2)
            async let claimedB = second.emails.claim(now: now, leaseUntil: lease, limit: 2)
            let claimed = try await claimedA + claimedB
            #expect(Set(claimed.map(\.id)) == Set(emails.map(\.id)), "each email to exactly one process")
            #expect(claimed.count == 3)
            #expect(try await first.emails.claim(now: now, leaseUntil: lease, limit: 10).isEmpty, "leased emails are not handed out twice")
            let again = try await second.emails.claim(now: lease, leaseUntil: lease.addingTimeInterval(60), limit: 10)
            #expect(Set(again.map(\.id)) == Set(claimed.map(\.id)), "a crashed sender's emails are due again, with the same ids")

            let (sent, retried, refused) = (again[0], again[1], again[2])
            let later = lease.addingTimeInterval(1)
            try await first.emails.record(sent, sentAt: later, error: nil, retryAt: nil, now: later)
            try await first.emails.record(retried, sentAt: nil, error: "421 busy", retryAt: later.addingTimeInterval(60), now: later)
            try await first.emails.record(refused, sentAt: nil, error: "550 no such mailbox", retryAt: nil, now: later)
            #expect(try await second.emails.messages(status: .sent, orderID: nil, before: nil, limit: 10).map(\.id) == [sent.id])
            #expect(try await second.emails.messages(status: .failed, orderID: nil, before: nil, limit: 10).map(\.lastError) == ["550 no such mailbox"])
            #expect(try await second.emails.claim(now: later, leaseUntil: later.addingTimeInterval(60), limit: 10).isEmpty, "the retry waits")
            #expect(try await second.emails.claim(now: later.addingTimeInterval(61), leaseUntil: later.addingTimeInterval(120), limit: 10).map(\.id) == [retried.id])
            #expect(try await first.emails.resend(id: refused.id, now: later))
            #expect(try await first.emails.messages(status: .pending, orderID: nil, before: nil, limit: 10).map(\.id).contains(refused.id))
            #expect(try await first.emails.resend(id: "evt_0", now: later) == false)
        }
    }

    @Test(arguments: StorageBackend.all)
    func eventsFromBeforeTheFirstStartOrTooOldAreNotMailed(backend: StorageBackend) async throws {
        try await backend.withTwoProcesses { processes in
            _ = try await StorageFixtures.collectedOrder(on: processes.first)
            // Seen two days later: news of the past, not mailed; the cursor moves past them anyway.
            #expect(try await processes.first.emails.fanOut(now: Date().addingTimeInterval(2 * 86_400)) == 4)
            #expect(try await processes.first.emails.messages(status: nil, orderID: nil, before: nil, limit: 10).isEmpty)
            #expect(try await processes.first.emails.fanOut(now: Date()) == 0, "the cursor moved past them")
        }
    }
}
