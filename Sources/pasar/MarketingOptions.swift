import ArgumentParser
import Foundation
import PasarAPI

/// `pasar serve`'s options for marketing email: when a cart counts as abandoned and where the
/// links in emails point.
struct MarketingOptions: ParsableArguments {
    @Option(
        help: """
            Remind a consenting customer of a cart whose lines have not changed for this long: 90s, 30m, 24h, 2d, or off \
            (default PASAR_CART_REMINDER_AFTER, else 24h).
            """)
    var cartReminderAfter: String = Environment.value("PASAR_CART_REMINDER_AFTER") ?? "24h"

    @Option(help: "Where customers reach this server, for links in emails (default PASAR_PUBLIC_URL, else http://HOST:PORT).")
    var publicURL: String?

    @Option(help: "The storefront page that reopens a cart, with {token} for the recovery token (default PASAR_CART_RECOVERY_URL, else PUBLIC_URL/demo/?recover={token}).")
    var cartRecoveryURL: String?

    /// The delay in seconds; nil for `off`.
    static func delay(_ text: String) throws -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "off" { return nil }
        let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        guard let unit = trimmed.last.flatMap({ units[$0] }), let count = Int(trimmed.dropLast()), (1...365 * 86_400).contains(count) else {
            throw ValidationError("--cart-reminder-after '\(text)' must be a number with s, m, h or d (90s, 30m, 24h, 2d), or off")
        }
        return TimeInterval(count) * unit
    }

    func validate() throws {
        _ = try Self.delay(cartReminderAfter)
        for (option, url) in [("--public-url", publicURL), ("--cart-recovery-url", cartRecoveryURL)] {
            guard let url else { continue }
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
                throw ValidationError("\(option) '\(url)' must be an http or https URL")
            }
        }
        if let cartRecoveryURL, !cartRecoveryURL.contains("{token}") {
            throw ValidationError("--cart-recovery-url must contain {token}, where the recovery token goes")
        }
    }

    /// The settings for a server listening on `host` and `port`.
    func settings(host: String, port: Int) throws -> MarketingSettings {
        let local = host == "0.0.0.0" || host == "::" ? "localhost" : host
        return MarketingSettings(
            reminderDelay: try Self.delay(cartReminderAfter),
            publicURL: publicURL ?? Environment.value("PASAR_PUBLIC_URL") ?? "http://\(local):\(port)",
            cartRecoveryURL: cartRecoveryURL ?? Environment.value("PASAR_CART_RECOVERY_URL"))
    }
}
