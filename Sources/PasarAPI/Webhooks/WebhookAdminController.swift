import Foundation
import Hummingbird
import PasarStorage

/// Merchant routes for webhook subscriptions (behind the admin key): make, list, change, delete,
/// rotate the secret, read the delivery log and redeliver.
struct WebhookAdminController {
    let services: APIServices
    let store: WebhookStore
    /// How long an old secret keeps signing after a rotation, unless the request says otherwise.
    static let defaultOverlap: Int64 = 24 * 3600

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("/webhooks", use: create)
        group.get("/webhooks", use: list)
        group.get("/webhooks/:webhook", use: get)
        group.patch("/webhooks/:webhook", use: update)
        group.delete("/webhooks/:webhook", use: delete)
        group.post("/webhooks/:webhook/rotate-secret", use: rotate)
        group.get("/webhooks/:webhook/deliveries", use: deliveries)
        group.post("/webhooks/:webhook/deliveries/:event/redeliver", use: redeliver)
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> EditedResponse<WebhookView> {
        let input = try await request.decode(as: CreateWebhookInput.self, context: context)
        let new = NewWebhookSubscription(
            id: "wh_" + CartIdentifier.make(), url: try await WebhookInputRules.url(input.url, policy: services.webhookSettings.urls),
            eventTypes: try WebhookInputRules.events(input.events), description: try WebhookInputRules.description(input.description),
            secret: WebhookSignature.newSecret(), now: Date())
        let created = try await store.create(new)
        context.logger.info("webhook subscription created", metadata: ["webhook.subscription": "\(created.id)"])
        return WebhookView(created, showingSecret: true).reply(.created, location: "/v1/admin/webhooks/\(created.id)")
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> WebhookListView {
        WebhookListView(items: try await store.subscriptions().map { WebhookView($0) })
    }

    @Sendable func get(request: Request, context: AppRequestContext) async throws -> WebhookView {
        WebhookView(try await subscription(context))
    }

    @Sendable func update(request: Request, context: AppRequestContext) async throws -> WebhookView {
        let id = try context.parameters.require("webhook")
        let input = try await request.decode(as: UpdateWebhookInput.self, context: context)
        var change = WebhookSubscriptionChange(enabled: input.enabled)
        if let url = input.url { change.url = try await WebhookInputRules.url(url, policy: services.webhookSettings.urls) }
        if let events = input.events { change.eventTypes = try WebhookInputRules.events(events) }
        if let description = input.description { change.description = .some(try WebhookInputRules.description(description)) }
        guard let updated = try await store.update(id: id, change, now: Date()) else { throw Self.notFound(id) }
        return WebhookView(updated)
    }

    @Sendable func delete(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("webhook")
        guard try await store.delete(id: id) else { throw Self.notFound(id) }
        return Response(status: .noContent)
    }

    /// A new secret, shown once; the old one signs too until the overlap ends (both signatures sent).
    @Sendable func rotate(request: Request, context: AppRequestContext) async throws -> WebhookView {
        let id = try context.parameters.require("webhook")
        let input = try await request.decode(as: RotateWebhookSecretInput.self, context: context)
        let overlap = input.overlapSeconds ?? Self.defaultOverlap
        guard (0...7 * 24 * 3600).contains(overlap) else { throw Problem.invalidField("overlap_seconds", "must be from 0 to 604800 (7 days)") }
        let now = Date()
        guard let rotated = try await store.rotateSecret(id: id, to: WebhookSignature.newSecret(), overlapUntil: now.addingTimeInterval(TimeInterval(overlap)), now: now)
        else { throw Self.notFound(id) }
        return WebhookView(rotated, showingSecret: true)
    }

    @Sendable func deliveries(request: Request, context: AppRequestContext) async throws -> NewestFirstPage<WebhookDeliveryView> {
        let subscription = try await subscription(context)
        let query = QueryValues(request: request)
        let limit = try query.integer("limit", default: 50, range: 1...200)
        let status: WebhookDelivery.Status? = try query.oneOf("status")
        let before = try query.cursor("before")
        let page = try await store.deliveries(subscriptionID: subscription.id, status: status, before: before, limit: limit)
        return NewestFirstPage(page, limit: limit, view: WebhookDeliveryView.init, cursor: \.eventSequence)
    }

    /// Sends a delivery again as soon as the sender gets to it, as a new round of attempts.
    @Sendable func redeliver(request: Request, context: AppRequestContext) async throws -> Response {
        let subscription = try await subscription(context)
        let text = try context.parameters.require("event")
        guard let sequence = Int64(text.hasPrefix("evt_") ? String(text.dropFirst(4)) : text) else {
            throw Problem.invalidField("event", "must be a delivery's event_sequence or webhook_id")
        }
        guard try await store.redeliver(subscriptionID: subscription.id, eventSequence: sequence, now: Date()) else {
            throw Problem.notFound("a delivery of event \(sequence) to webhook \(subscription.id)", field: "event")
        }
        return Response(status: .accepted)
    }

    private func subscription(_ context: AppRequestContext) async throws -> WebhookSubscription {
        let id = try context.parameters.require("webhook")
        guard let subscription = try await store.subscription(id: id) else { throw Self.notFound(id) }
        return subscription
    }

    private static func notFound(_ id: String) -> Problem { Problem.notFound("webhook subscription '\(id)'", field: "webhook") }
}
