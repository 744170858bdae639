import Foundation
public import Logging
import PasarLocalization
import PasarMail
public import PasarStorage
public import ServiceLifecycle

/// Sends customer emails, as a service of `pasar serve` when SMTP is configured: it turns new
/// outbox events into emails, leases due ones (one process each on a shared PostgreSQL database),
/// composes each in the order's language and sends it over SMTP. A refusal for good (5xx) fails the
/// email at once; anything else (4xx, timeouts, a server away) retries on the schedule.
public struct EmailSender: Service {
    let services: APIServices
    let store: EmailStore
    let settings: EmailSettings
    /// Where the links of reminders point.
    let marketing: MarketingSettings
    let logger: Logger
    let client = SMTPClient()
    /// Emails sent at once by one process.
    static let batch = 8

    public init(services: APIServices, store: EmailStore, settings: EmailSettings, marketing: MarketingSettings, logger: Logger) {
        self.services = services
        self.store = store
        self.settings = settings
        self.marketing = marketing
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let sent: Int
                do {
                    sent = try await self.round()
                } catch {
                    self.logger.error("email round failed", metadata: ["error": "\(error)"])
                    sent = 0
                }
                if sent == 0 { try? await Task.sleep(for: .milliseconds(self.settings.pollMilliseconds)) }
            }
        }
    }

    /// One pass: fan out, claim, send; returns how many emails were attempted.
    func round() async throws -> Int {
        let now = Date()
        try await store.fanOut(now: now)
        // The lease outlasts a whole SMTP conversation (connect plus a few replies) with room to record it.
        let lease = now.addingTimeInterval(Double((settings.smtp.connectTimeout + settings.smtp.commandTimeout * 6).components.seconds) + 30)
        let due = try await store.claim(now: now, leaseUntil: lease, limit: Self.batch)
        await withTaskGroup(of: Void.self) { group in
            for message in due { group.addTask { await self.deliver(message) } }
        }
        return due.count
    }

    func deliver(_ message: EmailMessage) async {
        var metadata: Logger.Metadata = ["email.id": "\(message.id)", "email.kind": "\(message.kind)", "email.attempt": "\(message.attempts)"]
        let error: String?
        var permanent = false
        do {
            switch try await compose(message) {
            case .mail(let mail):
                try await client.send(mail, settings: settings.smtp)
                error = nil
            case .skipped(let reason):
                (error, permanent) = (reason, true)
            }
        } catch let failure as SMTPError {
            error = failure.description
            // Only the server's refusal of this message is final; a misconfiguration or an outage is fixed and retried.
            permanent = failure.replyCode.map { $0 >= 500 && $0 < 600 } ?? false
        } catch let failure {
            (error, permanent) = ("\(failure)", true)
        }
        let finished = Date()
        let retryAt = error == nil || permanent ? nil : settings.schedule.nextAttempt(after: message.attempts, failedAt: finished)
        services.metrics.emailAttempt(succeeded: error == nil)
        if let error {
            metadata["email.error"] = "\(error)"
            if retryAt == nil { logger.error("email not sent; given up", metadata: metadata) } else { logger.info("email not sent; will retry", metadata: metadata) }
        } else {
            logger.debug("email sent", metadata: metadata)
        }
        do {
            try await store.record(message, sentAt: error == nil ? finished : nil, error: error, retryAt: retryAt, now: finished)
        } catch {
            // Unrecorded, the lease runs out and the email is sent again: at least once.
            logger.error("email attempt not recorded", metadata: ["error": "\(error)"])
        }
    }

    /// What a due email turns into: the message to send, or why it is no longer sent.
    enum Composed {
        case mail(MailMessage)
        case skipped(String)
    }

    /// The email as it goes out, composed now from what it tells of.
    func compose(_ message: EmailMessage) async throws -> Composed {
        if let cartID = message.cartID { return try await composeReminder(message, cartID: cartID) }
        guard let sequence = message.eventSequence, let orderID = message.orderID,
            let event = try await services.orders.events(after: sequence - 1, limit: 1).first, event.sequence == sequence,
            let order = try await services.orders.order(id: orderID)
        else { return .skipped("the order or its event is no longer stored") }
        let market = services.markets.snapshot.market(code: event.market)
        let email = try OrderEmail(
            event: try EventView(event, market: market, messages: services.messages), order: try OrderView(order, market: market),
            messages: services.messages)
        return .mail(
            try MailMessage(
                from: settings.from, to: [MailAddress(message.recipient)], subject: email.subject, plainText: email.text, html: email.html,
                // The same on every attempt, so a repeated send is one message to the reader's mail client.
                messageID: "<\(message.id).\(order.id)@\(settings.from.domain)>"))
    }

    /// An abandoned-cart reminder: the cart as it is now, a fresh recovery link, and the one-click
    /// unsubscribe headers of RFC 8058; skipped once the cart is checked out or consent withdrawn.
    func composeReminder(_ message: EmailMessage, cartID: String) async throws -> Composed {
        guard try await services.marketing.reminderRecipient(cartID: cartID) != nil else {
            return .skipped("the cart was checked out, or its address withdrew consent")
        }
        guard let cart = try await services.carts.cart(id: cartID), let market = services.markets.snapshot.market(code: cart.market) else {
            return .skipped("the cart is no longer stored")
        }
        let language = (try? LocaleTag(message.language)) ?? market.defaultLanguage
        let view = try await CartResponder(services: services).view(cart, market: market, language: language)
        let cartSettings = services.cartSettings
        let recovery = CartRecoveryToken.issue(cartID: cart.id, lifetime: cartSettings.recoveryLinkLifetime, key: cartSettings.recoveryKey)
        let unsubscribe = marketing.unsubscribeLink(
            token: UnsubscribeToken(email: message.recipient.lowercased(), language: language.identifier).signed(key: UnsubscribeToken.key(from: cartSettings)))
        let email = try CartReminderEmail(
            cart: view, language: language, recoveryLink: marketing.recoveryLink(token: recovery), unsubscribeLink: unsubscribe,
            messages: services.messages)
        return .mail(
            try MailMessage(
                from: settings.from, to: [MailAddress(message.recipient)], subject: email.subject, plainText: email.text, html: email.html,
                extraHeaders: [
                    try MailHeader(name: "List-Unsubscribe", value: "<\(unsubscribe)>"),
                    try MailHeader(name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click"),
                ],
                // Not the cart id: it opens the cart, and mail headers travel far.
                messageID: "<\(message.id).reminder@\(settings.from.domain)>"))
    }
}
