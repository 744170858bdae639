import AsyncHTTPClient
import Foundation
public import Logging
import NIOCore
public import PasarStorage
public import ServiceLifecycle

/// Sends webhook deliveries, as a service of `pasar serve`: it fans new outbox events out to the
/// subscriptions, leases due deliveries (one process each, on a shared PostgreSQL database), posts
/// them signed, and records every attempt. A failing receiver delays only its own deliveries (no
/// head-of-line blocking, so no ordering guarantee: receivers order by `resource_sequence`).
public struct WebhookSender: Service {
    let services: APIServices
    let store: WebhookStore
    let settings: WebhookSettings
    let logger: Logger
    /// Deliveries sent at once by one process.
    static let batch = 16

    public init(services: APIServices, store: WebhookStore, settings: WebhookSettings, logger: Logger) {
        self.services = services
        self.store = store
        self.settings = settings
        self.logger = logger
    }

    public func run() async throws {
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: Self.configuration(timeout: settings.timeoutSeconds))
        // Deliveries in flight finish (each is bounded by the timeout); the loop then ends.
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let sent = (try? await self.round(client: client)) ?? 0
                if sent == 0 { try? await Task.sleep(for: .milliseconds(self.settings.pollMilliseconds)) }
            }
        }
        try await client.shutdown()
    }

    /// One pass: fan out, claim, send; returns how many deliveries were sent.
    func round(client: HTTPClient) async throws -> Int {
        let now = Date()
        guard try await store.fanOut(now: now) > 0 else { return 0 }
        // The lease outlasts an attempt (its timeout) with room to record the outcome.
        let lease = now.addingTimeInterval(TimeInterval(settings.timeoutSeconds * 3))
        let due = try await store.claim(now: now, leaseUntil: lease, limit: Self.batch)
        guard !due.isEmpty else { return 0 }
        let subscriptions = Dictionary(uniqueKeysWithValues: try await store.subscriptions().map { ($0.id, $0) })
        await withTaskGroup(of: Void.self) { group in
            for delivery in due {
                guard let subscription = subscriptions[delivery.subscriptionID] else { continue }
                group.addTask { await self.deliver(delivery, to: subscription, client: client) }
            }
        }
        return due.count
    }

    func deliver(_ delivery: WebhookDelivery, to subscription: WebhookSubscription, client: HTTPClient) async {
        let started = Date()
        let (status, error) = await attempt(delivery, to: subscription, client: client)
        let finished = Date()
        let attempt = WebhookAttempt(
            number: delivery.attempts, at: started, statusCode: status, error: error,
            durationMilliseconds: Int64((finished.timeIntervalSince(started) * 1000).rounded()))
        let retryAt = attempt.succeeded ? nil : settings.schedule.nextAttempt(after: delivery.attempts, failedAt: finished)
        services.metrics.webhookAttempt(succeeded: attempt.succeeded)
        var metadata: Logger.Metadata = [
            "webhook.subscription": "\(subscription.id)", "webhook.event": "\(delivery.eventSequence)", "webhook.attempt": "\(delivery.attempts)",
            "webhook.status": "\(status.map(String.init) ?? "none")",
        ]
        if let error { metadata["webhook.error"] = "\(error)" }
        if attempt.succeeded {
            logger.debug("webhook delivered", metadata: metadata)
        } else if retryAt == nil {
            logger.error("webhook delivery failed on every attempt; subscription disabled", metadata: metadata)
        } else {
            logger.info("webhook attempt failed; will retry", metadata: metadata)
        }
        do {
            try await store.record(attempt, of: delivery, retryAt: retryAt, now: finished)
        } catch {
            // Unrecorded, the lease runs out and the delivery is tried again: at least once.
            logger.error("webhook attempt not recorded", metadata: ["error": "\(error)"])
        }
    }

    /// Sends one attempt; the status code, or why there was none.
    private func attempt(_ delivery: WebhookDelivery, to subscription: WebhookSubscription, client: HTTPClient) async -> (Int64?, String?) {
        do {
            guard let body = try await WebhookPayload.body(for: delivery, services: services) else { return (nil, "the event is no longer stored") }
            let url: URL
            let address: String?
            do {
                url = try settings.urls.parse(subscription.url)
                address = try await settings.urls.checkedAddress(for: url)
            } catch {
                return (nil, "refused: the URL \(error)")
            }
            let id = WebhookPayload.messageID(delivery)
            let now = Date()
            let timestamp = Int64(now.timeIntervalSince1970)
            var request = HTTPClientRequest(url: subscription.url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "User-Agent", value: "Pasar-Webhooks/1")
            request.headers.add(name: "webhook-id", value: id)
            request.headers.add(name: "webhook-timestamp", value: String(timestamp))
            request.headers.add(
                name: "webhook-signature", value: WebhookSignature.header(id: id, timestamp: timestamp, body: body, secrets: subscription.signingSecrets(at: now)))
            OutgoingTrace.add(to: &request.headers, using: services.instrument)
            request.body = .bytes(ByteBuffer(bytes: body))
            guard let address, let host = url.host else { return (try await send(request, with: client), nil) }
            // Connect to the address that was checked; TLS still verifies the host name.
            var configuration = Self.configuration(timeout: settings.timeoutSeconds)
            configuration.dnsOverride = [host: address]
            let pinned = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            do {
                let status = try await send(request, with: pinned)
                try? await pinned.shutdown()
                return (status, nil)
            } catch {
                try? await pinned.shutdown()
                throw error
            }
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            return (nil, "timed out after \(settings.timeoutSeconds) s")
        } catch {
            return (nil, "\(error)")
        }
    }

    private func send(_ request: HTTPClientRequest, with client: HTTPClient) async throws -> Int64 {
        let response = try await client.execute(request, timeout: .seconds(settings.timeoutSeconds))
        // Read a little of the body at most, so a receiver cannot make the sender buffer much.
        _ = try? await response.body.collect(upTo: 64 * 1024)
        return Int64(response.status.code)
    }

    static func configuration(timeout: Int64) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(timeout), read: .seconds(timeout)))
        configuration.decompression = .disabled
        return configuration
    }
}
