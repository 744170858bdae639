import Foundation
public import Logging
import PasarCore
import PasarLocalization
public import ServiceLifecycle

/// Finds carts idle for `MarketingSettings.reminderDelay` whose address consented to marketing,
/// and tells of each once with a `cart_abandoned` event (a webhook, and the reminder email when
/// SMTP is configured), as a service of `pasar serve`. Several processes may run it at once on one
/// PostgreSQL database: the event is unique per cart, so a cart is never reminded twice.
public struct CartReminderService: Service {
    let services: APIServices
    let settings: MarketingSettings
    let logger: Logger
    /// Carts told of in one pass.
    static let batch = 50

    public init(services: APIServices, settings: MarketingSettings, logger: Logger) {
        self.services = services
        self.settings = settings
        self.logger = logger
    }

    public func run() async throws {
        guard let delay = settings.reminderDelay else { return }
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await self.pass(delay: delay)
                } catch {
                    self.logger.error("cart reminder pass failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: self.settings.reminderInterval)
            }
        }
    }

    /// One pass over the carts due a reminder now.
    func pass(delay: TimeInterval) async throws {
        let now = Date()
        for candidate in try await services.marketing.dueReminders(idleSince: now.addingTimeInterval(-delay), now: now, limit: Self.batch) {
            guard let market = services.markets.snapshot.market(code: candidate.market),
                let cart = try await services.carts.cart(id: candidate.cartID), cart.status == .active
            else { continue }
            // The customer's (or the cart's) language when the market still speaks it, else the market's own.
            let language = candidate.language.flatMap { try? LocaleTag($0) }
                .flatMap { try? LocaleNegotiator(supported: market.languages).bestMatch(for: [$0]) } ?? market.defaultLanguage
            let view = try await CartResponder(services: services).view(cart, market: market, language: language)
            let total = try Money(parsing: view.totals.total.amount, currency: CurrencyCatalog.currency(cart.currency))
            try await services.marketing.remind(candidate, language: language.identifier, itemCount: view.itemCount, total: total, now: now)
            logger.info("cart reminder due", metadata: ["cart.market": "\(cart.market)"])
        }
    }
}
