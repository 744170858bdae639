import Hummingbird
import PasarCore

/// A cart on the wire: every line and total raw and formatted in the response language; the totals
/// add up exactly (`net + tax == total`, lines + shipping == totals).
struct CartView: ResponseEncodable {
    let id: String
    let version: Int64
    let status: String
    let market: String
    let currency: String
    let language: String
    let customerID: String?
    let email: String?
    let channels: [String]
    let createdAt: String
    let updatedAt: String
    let expiresAt: String
    let mergedInto: String?
    let itemCount: Int64
    let lines: [CartLineView]
    let vouchers: [AppliedVoucherView]
    let shipping: ShippingView?
    let totals: CartTotalsView
    /// What the POS collects in cash: the total rounded to the market's cash increment.
    let cash: CashView
    /// The loyalty points the cart redeems at checkout; absent when it redeems none.
    var loyalty: CartLoyaltyView? = nil
    /// Present on the response of a sign-in or merge.
    var merge: MergeReport?

    enum CodingKeys: String, CodingKey {
        case id, version, status, market, currency, language, customerID = "customer_id", email, channels
        case createdAt = "created_at", updatedAt = "updated_at", expiresAt = "expires_at", mergedInto = "merged_into"
        case itemCount = "item_count", lines, vouchers, shipping, totals, cash, loyalty, merge
    }
}

struct CartLineView: Encodable {
    let id: String
    let sku: String
    let productID: String
    let name: String
    let quantity: Int64
    /// The channel that added the line.
    let channel: String
    let addedAt: String
    let updatedAt: String
    let pricedAt: String
    let available: Bool
    let unavailableReason: String?
    let unitPrice: AmountView?
    let amount: AmountView?
    let discount: AmountView?
    let net: AmountView?
    let tax: AmountView?
    let total: AmountView?
    let taxRate: String?
    /// The everyday unit price when the line's unit price is lower (a sale, a channel or group price).
    let compareAt: AmountView?
    /// The customer group whose price the line has.
    let customerGroup: String?

    enum CodingKeys: String, CodingKey {
        case id, sku, productID = "product_id", name, quantity, channel, addedAt = "added_at", updatedAt = "updated_at"
        case pricedAt = "priced_at", available, unavailableReason = "unavailable_reason", unitPrice = "unit_price", amount, discount
        case net, tax, total, taxRate = "tax_rate", compareAt = "compare_at", customerGroup = "customer_group"
    }
}

struct AppliedVoucherView: Encodable {
    let code: String
    let applied: Bool
    /// `percentage`, `fixed`, `free_shipping`.
    let kind: String?
    /// Why it does not apply now (localized), with the stable reason code.
    let reason: String?
    let message: String?
    /// The validity window, as timestamps and as people read them (the request's language, the
    /// market's time zone); nil where the voucher has no such bound.
    let validFrom: String?
    let validFromFormatted: String?
    let validUntil: String?
    let validUntilFormatted: String?

    enum CodingKeys: String, CodingKey {
        case code, applied, kind, reason, message, validFrom = "valid_from", validFromFormatted = "valid_from_formatted"
        case validUntil = "valid_until", validUntilFormatted = "valid_until_formatted"
    }
}

struct ShippingView: Encodable {
    let method: String
    let name: String
    /// When a parcel sent today is expected, from the method's estimate.
    let delivery: DeliveryEstimateView?
    let free: Bool
    let net: AmountView
    let tax: AmountView
    let total: AmountView
}

struct CartTotalsView: Encodable {
    let taxIncluded: Bool
    let subtotal: AmountView
    let discount: AmountView
    let shipping: AmountView
    let net: AmountView
    let tax: AmountView
    let total: AmountView
    let taxes: [TaxRateView]

    enum CodingKeys: String, CodingKey {
        case taxIncluded = "tax_included", subtotal, discount, shipping, net, tax, total, taxes
    }
}

struct TaxRateView: Encodable {
    let rate: String
    let net: AmountView
    let tax: AmountView
}

struct CashView: Encodable {
    let total: AmountView
    /// `total − exact total`: positive when the customer pays more.
    let adjustment: AmountView
}

struct MergeReport: Encodable {
    let mergedCartID: String?
    let changes: [CartMerge.Change]

    enum CodingKeys: String, CodingKey {
        case mergedCartID = "merged_cart_id", changes
    }
}

/// The points a signed-in customer's cart redeems: `points` as asked for, `points_spent` those the
/// discount needs (fewer when the cart costs less than their value), and the discount they give,
/// which is part of `totals.discount` and of each line's `discount`.
struct CartLoyaltyView: Encodable, Equatable {
    let points: Int64
    let pointsSpent: Int64
    let discount: AmountView

    enum CodingKeys: String, CodingKey {
        case points, pointsSpent = "points_spent", discount
    }
}
