import Hummingbird
import Foundation
import PasarCore
import PasarLocalization
import PasarMarkets
import PasarStorage

/// A return and its refund, formatted in the order's language.
struct ReturnView: ResponseEncodable {
    struct LineView: Encodable {
        let line: Int
        let sku: String
        let quantity: Int64
        let amount: AmountView
        let discount: AmountView
        let tax: AmountView
        let refund: AmountView
    }

    let id: String
    let orderID: String
    let channel: String
    let location: String
    let reason: String?
    let lines: [LineView]
    let refund: AmountView
    let refundTax: AmountView
    let paymentReference: String?
    let createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, channel, location, reason, lines, refund
        case orderID = "order_id"
        case refundTax = "refund_tax"
        case paymentReference = "payment_reference"
        case createdAt = "created_at"
    }

    init(_ record: OrderReturn, order: Order, market: Market?) throws {
        let amounts = AmountFormatter(locale: (try? LocaleTag(order.language)) ?? .root, displayDigits: market?.rounding.displayDigits)
        id = record.id
        orderID = record.orderID
        channel = record.channel
        location = record.location
        reason = record.reason
        lines = try record.lines.map {
            LineView(
                line: $0.lineNumber, sku: $0.sku, quantity: $0.refund.quantity, amount: try amounts($0.refund.amount),
                discount: try amounts($0.refund.discount), tax: try amounts($0.refund.tax), refund: try amounts($0.refund.gross))
        }
        refund = try amounts(record.refund)
        refundTax = try amounts(record.refundTax)
        paymentReference = record.paymentReference
        createdAt = OrderView.timestamp(record.createdAt)
    }
}

struct ReturnListView: ResponseEncodable {
    let orderID: String
    let returns: [ReturnView]

    enum CodingKeys: String, CodingKey {
        case returns
        case orderID = "order_id"
    }
}
