import Foundation
import PasarLocalization
import PasarMarkets

/// The words of an abandoned-cart reminder in the customer's language, from the message catalogs:
/// the subject, a greeting, what waits in the cart (lines and total as the cart shows them), the
/// link that reopens it, the signature and how to unsubscribe; as plain text and as HTML.
struct CartReminderEmail: Equatable {
    let subject: String
    let text: String
    let html: String

    init(cart: CartView, language: LocaleTag, recoveryLink: String, unsubscribeLink: String, messages: MessageCatalog) throws {
        func message(_ key: String, _ arguments: [String: MessageArgument] = [:]) throws -> String {
            try messages.format(key, language: language, arguments: arguments)
        }
        subject = try message("email_subject_cart_reminder")
        let lines = try cart.lines.compactMap { line -> String? in
            guard let total = line.total else { return nil }
            return try message("email_order_line", ["quantity": .number(String(line.quantity)), "name": .text(line.name), "amount": .text(total.formatted)])
        }
        let paragraphs = [
            try message("email_greeting"),
            try message("email_cart_reminder", ["count": .number(String(cart.itemCount)), "total": .text(cart.totals.total.formatted)]),
            lines.joined(separator: "\n"), try message("email_cart_reminder_link", ["link": .text(recoveryLink)]), try message("email_signature"),
            try message("email_unsubscribe", ["link": .text(unsubscribeLink)]),
        ]
        text = paragraphs.joined(separator: "\n\n") + "\n"
        var body = HTMLDocument.paragraphs(paragraphs)
        for link in [recoveryLink, unsubscribeLink].map(HTMLDocument.escape) {
            body = body.replacingOccurrences(of: link, with: "<a href=\"\(link)\">\(link)</a>")
        }
        html = HTMLDocument.render(title: subject, language: language, body: body)
    }
}
