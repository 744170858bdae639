import Foundation
import Hummingbird
import PasarStorage

/// Merchant routes for customer emails (behind the admin key): the log, and sending one again.
struct EmailAdminController {
    let store: EmailStore

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/emails", use: list)
        group.post("/emails/:email/resend", use: resend)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> NewestFirstPage<EmailView> {
        let query = QueryValues(request: request)
        let limit = try query.integer("limit", default: 50, range: 1...200)
        let status: EmailMessage.Status? = try query.oneOf("status")
        let before = try query.cursor("before")
        let page = try await store.messages(status: status, orderID: try query.string("order", maxLength: 64), before: before, limit: limit)
        return NewestFirstPage(page, limit: limit, view: EmailView.init, cursor: \.eventSequence)
    }

    /// Sends an email again as soon as the sender gets to it, as a new round of attempts (after a
    /// permanent refusal was fixed, say).
    @Sendable func resend(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("email")
        guard try await store.resend(id: id, now: Date()) else { throw Problem.notFound("email '\(id)'", field: "email") }
        return Response(status: .accepted)
    }
}

struct EmailView: Encodable {
    let id: String
    let type: String
    let to: String
    let language: String
    let market: String
    let orderID: String?
    /// The cart of an abandoned-cart reminder.
    let cartID: String?
    let eventSequence: Int64?
    let status: String
    let attempts: Int64
    let nextAttemptAt: String?
    let lastError: String?
    let createdAt: String
    let sentAt: String?

    init(_ message: EmailMessage) {
        id = message.id
        type = message.kind
        to = message.recipient
        language = message.language
        market = message.market
        orderID = message.orderID
        cartID = message.cartID
        eventSequence = message.eventSequence
        status = message.status.rawValue
        attempts = message.attempts
        nextAttemptAt = message.status == .pending ? OrderView.timestamp(message.nextAttemptAt) : nil
        lastError = message.lastError
        createdAt = OrderView.timestamp(message.createdAt)
        sentAt = message.sentAt.map(OrderView.timestamp)
    }

    enum CodingKeys: String, CodingKey {
        case id, type, to, language, market, status, attempts
        case orderID = "order_id", cartID = "cart_id", eventSequence = "event_sequence", nextAttemptAt = "next_attempt_at", lastError = "last_error"
        case createdAt = "created_at", sentAt = "sent_at"
    }
}
