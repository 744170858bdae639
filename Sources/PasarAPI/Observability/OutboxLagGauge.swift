import CoreMetrics
import Foundation
import Logging
import PasarStorage

/// `pasar_outbox_lag_seconds`: how long ago the oldest outbox event that is not delivered yet was
/// written, per way out (`kind`: `webhook`, `email`); 0 when nothing waits. Read from the database
/// when `/metrics` is scraped (one or two index lookups), never on a request's path.
struct OutboxLagGauge: Sendable {
    private let webhooks: WebhookStore?
    private let emails: EmailStore?
    private let webhookLag: CoreMetrics.Meter
    private let emailLag: CoreMetrics.Meter

    init(services: APIServices) {
        webhooks = services.webhooks
        emails = services.emails
        let factory = services.metrics.factory
        webhookLag = CoreMetrics.Meter(label: MetricName.outboxLag, dimensions: [("kind", "webhook")], factory: factory)
        emailLag = CoreMetrics.Meter(label: MetricName.outboxLag, dimensions: [("kind", "email")], factory: factory)
    }

    /// Sets both gauges from the database; one it cannot read keeps its last value (the scrape
    /// still answers, and `pasar_database_unavailable_total` or the logs tell why).
    func refresh(now: Date = Date(), logger: Logger) async {
        if let webhooks { await set(webhookLag, kind: "webhook", now: now, logger: logger) { try await webhooks.oldestUndeliveredEvent() } }
        if let emails { await set(emailLag, kind: "email", now: now, logger: logger) { try await emails.oldestUnsentEvent() } }
    }

    private func set(_ gauge: CoreMetrics.Meter, kind: String, now: Date, logger: Logger, oldest: () async throws -> Date?) async {
        do {
            let written = try await oldest()
            gauge.set(max(0, written.map { now.timeIntervalSince($0) } ?? 0))
        } catch {
            logger.warning("outbox lag not read", metadata: ["kind": "\(kind)", "error": "\(String(reflecting: error))"])
        }
    }
}
