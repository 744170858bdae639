import Foundation
import PasarLocalization
import PasarMarkets
import PasarStorage

/// The words of an order email in the order's language, from the message catalogs: the subject,
/// a greeting, what happened (the event's message, as `GET /v1/events` shows it), the lines and
/// the total as the order shows them, and a signature; as plain text and as HTML.
struct OrderEmail: Equatable {
    let subject: String
    let text: String
    let html: String

    init(event: EventView, order: OrderView, messages: MessageCatalog) throws {
        let language = (try? LocaleTag(order.language)) ?? .root
        func message(_ key: String, _ arguments: [String: MessageArgument] = [:]) throws -> String {
            try messages.format(key, language: language, arguments: arguments)
        }
        subject = try message("email_subject_\(event.type)", ["order": .text(order.number)])
        let lines = try order.lines.map { line in
            try message("email_order_line", ["quantity": .number(String(line.quantity)), "name": .text(line.name), "amount": .text(line.total.formatted)])
        }
        var paragraphs = [try message("email_greeting"), event.message]
        if let carrier = event.carrier, let number = event.trackingNumber {
            let tracking = try message("email_tracking", ["carrier": .text(carrier), "number": .text(number)])
            paragraphs.append([tracking, event.trackingURL].compactMap { $0 }.joined(separator: "\n"))
        }
        paragraphs += [
            lines.joined(separator: "\n"), try message("email_order_total", ["total": .text(order.totals.total.formatted)]), try message("email_signature"),
        ]
        text = paragraphs.joined(separator: "\n\n") + "\n"
        html = HTMLDocument.render(title: subject, language: language, body: HTMLDocument.paragraphs(paragraphs))
    }
}
