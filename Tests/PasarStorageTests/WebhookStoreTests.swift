import Foundation
import PasarStorage
import Testing

/// Webhook deliveries on both databases (`WebhookStore`): fanned out from the outbox once per event
/// and subscription whoever does it, leased to one process at a time, due again when a lease runs out
/// (a crash), retried, failed after the schedule (which turns the subscription off), redelivered.
@Suite("Webhook deliveries")
struct WebhookStoreTests {
    private func subscription(_ id: String, types: [String] = [], on stores: PasarStores) async throws -> WebhookSubscription {
        try await stores.webhooks.create(
            NewWebhookSubscription(id: id, url: "https://hooks.example/\(id)", eventTypes: types, description: nil, secret: "whsec_test", now: Date()))
    }

    @Test(arguments: StorageBackend.all)
    func eachEventReachesEachSubscriptionOnceAndOnlyOneProcessSendsIt(backend: StorageBackend) async throws {
        try await backend.withTwoProcesses { processes in
            let (first, second) = (processes.first, processes.second)
            _ = try await StorageFixtures.collectedOrder(on: first)  // before any subscription: never delivered
            _ = try await subscription("all", on: first)
            _ = try await subscription("paid", types: ["order_paid"], on: first)
            let orderID = try await StorageFixtures.collectedOrder(on: second)
            let now = Date()
            async let a = first.webhooks.fanOut(now: now)
            async let b = second.webhooks.fanOut(now: now)
            _ = try await (a, b)
            try await first.webhooks.fanOut(now: now)

            let all = try await first.webhooks.deliveries(subscriptionID: "all", status: nil, before: nil, limit: 50)
            #expect(all.map(\.eventType) == ["order_collected", "order_ready_for_pickup", "order_paid", "order_placed"])
            #expect(all.map(\.resourceSequence) == [4, 3, 2, 1])
            #expect(all.allSatisfy { $0.resourceType == .order && $0.resourceID == orderID && $0.status == .pending })
            let paid = try await second.webhooks.deliveries(subscriptionID: "paid", status: nil, before: nil, limit: 50)
            #expect(paid.map(\.eventType) == ["order_paid"])

            // Two processes claim at once: every delivery goes to exactly one of them.
            let lease = now.addingTimeInterval(60)
            async let claimedA = first.webhooks.claim(now: now, leaseUntil: lease, limit: 3)
            async let claimedB = second.webhooks.claim(now: now, leaseUntil: lease, limit: 3)
            let claimed = try await claimedA + claimedB
            #expect(claimed.count == 5)
            #expect(Set(claimed.map { "\($0.subscriptionID)/\($0.eventSequence)" }).count == 5)
            #expect(try await first.webhooks.claim(now: now, leaseUntil: lease, limit: 10).isEmpty, "leased deliveries are not handed out twice")
            // The process that held them died: once the lease runs out they are due again, with the same ids.
            let again = try await second.webhooks.claim(now: lease, leaseUntil: lease.addingTimeInterval(60), limit: 10)
            #expect(Set(again.map(\.eventSequence)) == Set(claimed.map(\.eventSequence)))
            #expect(again.allSatisfy { $0.attempts == 2 })
        }
    }

    @Test(arguments: StorageBackend.all)
    func failuresAreRetriedThenFailTheDeliveryAndTurnTheSubscriptionOff(backend: StorageBackend) async throws {
        try await backend.withTwoProcesses { processes in
            let stores = processes.first
            _ = try await subscription("flaky", types: ["order_placed"], on: stores)
            _ = try await StorageFixtures.collectedOrder(on: stores)
            let start = Date()
            try await stores.webhooks.fanOut(now: start)
            var delivery = try #require(try await stores.webhooks.claim(now: start, leaseUntil: start.addingTimeInterval(60), limit: 1).first)
            let failure = WebhookAttempt(number: 0, at: start, statusCode: 500, error: nil, durationMilliseconds: 12)
            try await stores.webhooks.record(failure, of: delivery, retryAt: start.addingTimeInterval(30), now: start)
            #expect(try await stores.webhooks.claim(now: start.addingTimeInterval(29), leaseUntil: start.addingTimeInterval(90), limit: 1).isEmpty)
            delivery = try #require(try await stores.webhooks.claim(now: start.addingTimeInterval(30), leaseUntil: start.addingTimeInterval(90), limit: 1).first)
            let timeout = WebhookAttempt(number: 0, at: start, statusCode: nil, error: "timed out after 10 s", durationMilliseconds: 10_000)
            try await stores.webhooks.record(timeout, of: delivery, retryAt: nil, now: start.addingTimeInterval(40))

            let log = try #require(try await stores.webhooks.deliveries(subscriptionID: "flaky", status: nil, before: nil, limit: 10).first)
            #expect(log.status == .failed)
            #expect(log.log.map(\.number) == [1, 2])
            #expect(log.log.map(\.statusCode) == [500, nil])
            #expect(log.log.last?.error == "timed out after 10 s")
            let off = try #require(try await stores.webhooks.subscription(id: "flaky"))
            #expect(!off.enabled && off.disabledReason != nil && off.consecutiveFailures == 2)
            // The outbox says so, once, for the merchant's other subscriptions and the event feed.
            let told = try await stores.orders.events(after: 0, limit: 100).filter { $0.kind == .webhookDisabled }
            #expect(told.map(\.resourceID) == ["flaky"] && told.first?.arguments.url == off.url && told.first?.market == "")
            try await stores.webhooks.record(timeout, of: delivery, retryAt: nil, now: start.addingTimeInterval(41))
            #expect(try await stores.orders.events(after: 0, limit: 100).filter { $0.kind == .webhookDisabled }.count == 1, "told once")

            // Redelivery of a disabled subscription waits until it is turned back on.
            #expect(try await stores.webhooks.redeliver(subscriptionID: "flaky", eventSequence: log.eventSequence, now: start))
            #expect(try await stores.webhooks.claim(now: start.addingTimeInterval(50), leaseUntil: start.addingTimeInterval(99), limit: 1).isEmpty)
            _ = try await stores.webhooks.update(id: "flaky", WebhookSubscriptionChange(enabled: true), now: start)
            let round = try #require(try await stores.webhooks.claim(now: start.addingTimeInterval(50), leaseUntil: start.addingTimeInterval(99), limit: 1).first)
            #expect(round.attempts == 1)
            #expect(try await stores.webhooks.subscription(id: "flaky")?.consecutiveFailures == 0)
            #expect(try await stores.webhooks.delete(id: "flaky"))
            #expect(try await stores.webhooks.deliveries(subscriptionID: "flaky", status: nil, before: nil, limit: 10).isEmpty)
        }
    }

    @Test func theScheduleBacksOffForAboutThreeDaysWithJitter() {
        let schedule = DeliveryRetrySchedule()
        let now = Date(timeIntervalSince1970: 0)
        #expect(schedule.attempts == 10)
        #expect((3 * 86400...3.3 * 86400).contains(DeliveryRetrySchedule.standardDelays.reduce(0, +)))
        let first = schedule.nextAttempt(after: 1, failedAt: now)!.timeIntervalSince1970
        #expect((54...66).contains(first))
        #expect(schedule.nextAttempt(after: 10, failedAt: now) == nil)
    }
}
