public import Foundation

/// How marketing email works: when a cart counts as abandoned, and where the links in emails point.
public struct MarketingSettings: Sendable {
    /// Carts whose lines have not changed for this long get one reminder; nil: no reminders.
    public let reminderDelay: TimeInterval?
    /// Where customers reach this API (`https://api.shop.example`), for unsubscribe links.
    public let publicURL: String
    /// The storefront page that reopens a cart, with `{token}` where the recovery token goes.
    public let cartRecoveryURL: String

    /// `cartRecoveryURL` defaults to the demo storefront of `publicURL`.
    public init(reminderDelay: TimeInterval? = 24 * 3600, publicURL: String, cartRecoveryURL: String? = nil) {
        self.reminderDelay = reminderDelay
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.cartRecoveryURL = cartRecoveryURL ?? "\(self.publicURL)/demo/?recover={token}"
    }

    /// How often the reminder pass looks for idle carts: a quarter of the delay, from 0.1 s to a minute.
    var reminderInterval: Duration {
        .milliseconds(Int64(min(max((reminderDelay ?? 0) / 4, 0.1), 60) * 1000))
    }

    func recoveryLink(token: String) -> String { cartRecoveryURL.replacingOccurrences(of: "{token}", with: token) }

    func unsubscribeLink(token: String) -> String { "\(publicURL)/v1/unsubscribe?token=\(token)" }
}
