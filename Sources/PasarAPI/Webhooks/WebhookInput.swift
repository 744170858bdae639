import Foundation
import PasarStorage

/// `POST /v1/admin/webhooks`: where to send, which events (absent or empty: every type).
struct CreateWebhookInput: Decodable {
    let url: String
    let events: [String]?
    let description: String?
}

/// `PATCH /v1/admin/webhooks/{id}`: what changes; `enabled: true` turns a disabled subscription back on.
struct UpdateWebhookInput: Decodable {
    let url: String?
    let events: [String]?
    /// An empty description removes it.
    let description: String?
    let enabled: Bool?
}

/// `POST /v1/admin/webhooks/{id}/rotate-secret`: how long the old secret keeps signing.
struct RotateWebhookSecretInput: Decodable {
    let overlapSeconds: Int64?

    enum CodingKeys: String, CodingKey { case overlapSeconds = "overlap_seconds" }
}

/// The checks every webhook input goes through, naming the field.
enum WebhookInputRules {
    /// The event types a subscription may ask for.
    static let eventTypes = Set(OutboxEvent.Kind.allCases.map(\.rawValue))

    static func url(_ text: String, policy: WebhookURLPolicy) async throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        do {
            let url = try policy.parse(trimmed)
            _ = try await policy.checkedAddress(for: url)
        } catch {
            throw Problem.invalidField("url", "\(error)")
        }
        return trimmed
    }

    static func events(_ events: [String]?) throws -> [String] {
        let events = events ?? []
        guard events.count <= eventTypes.count else { throw Problem.invalidField("events", "lists more types than there are") }
        for (index, type) in events.enumerated() where !eventTypes.contains(type) {
            throw Problem.invalidField("events[\(index)]", "'\(type)' is not an event type (\(eventTypes.sorted().joined(separator: ", ")))")
        }
        return Array(Set(events)).sorted()
    }

    static func description(_ text: String?) throws -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        guard text.count <= 500 else { throw Problem.invalidField("description", "must be at most 500 characters") }
        return text
    }
}
