import Foundation
import Hummingbird
import PasarCore
import PasarLocalization
import PasarMarkets
import PasarStorage

/// A store's pickup queue.
struct PickupQueueView: ResponseEncodable {
    let store: String
    let items: [PickupView]
}

/// One collect order waiting at the store.
struct PickupView: Encodable {
    let order: OrderView
    /// Paid at the till when collected.
    let awaitingPayment: Bool
    let readySince: String?
    /// Ready for longer than the store holds orders (`StoreController.pickupHold`).
    let overdue: Bool

    enum CodingKeys: String, CodingKey {
        case order, overdue
        case awaitingPayment = "awaiting_payment", readySince = "ready_since"
    }
}

/// A tender as recorded on an order, amounts raw and formatted in the order's language.
struct TenderView: Encodable {
    let type: String
    let amount: AmountView
    /// The cash rounding this tender includes (zero for cards).
    let cashAdjustment: AmountView
    let reference: String?
    let store: String
    let `operator`: String
    let createdAt: String

    enum CodingKeys: String, CodingKey {
        case type, amount, reference, store, `operator`
        case cashAdjustment = "cash_adjustment", createdAt = "created_at"
    }

    init(_ recorded: RecordedTender, market: Market, language: String) throws {
        let amounts = AmountFormatter(locale: (try? LocaleTag(language)) ?? market.defaultLanguage, displayDigits: market.rounding.displayDigits)
        type = recorded.tender.kind.rawValue
        amount = try amounts(recorded.tender.amount)
        cashAdjustment = try amounts(recorded.cashAdjustment)
        reference = recorded.tender.reference
        store = recorded.store
        self.operator = recorded.operatorID
        createdAt = OrderView.timestamp(recorded.createdAt)
    }
}

/// A customer found at the till: everything they did, and the cart they have open in the store's market.
struct StoreCustomerView: ResponseEncodable {
    let overview: CustomerOverviewView
    /// Open it with `GET /v1/carts/{id}` to continue it at the till.
    let activeCartID: String?

    enum CodingKeys: String, CodingKey {
        case overview, activeCartID = "active_cart_id"
    }
}

/// One entry of a store's audit log.
struct StoreAuditView: Encodable {
    let id: Int64
    let store: String
    let key: String
    let `operator`: String
    let action: String
    let orderID: String?
    let detail: String?
    let createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, store, key, `operator`, action, detail
        case orderID = "order_id", createdAt = "created_at"
    }

    init(_ entry: StoreAuditEntry) {
        id = entry.id
        store = entry.store
        key = entry.keyName
        self.operator = entry.operatorID
        action = entry.action
        orderID = entry.orderID
        detail = entry.detail
        createdAt = OrderView.timestamp(entry.createdAt)
    }
}
