public import FoundationEssentials

/// A discount code a shopper types at the cart: a percentage, a fixed amount per currency, or free
/// shipping, optionally limited to markets, a validity window and a minimum spend.
///
/// ```swift
/// let welcome = Voucher(code: "welcome10", benefit: .percentage(try ExactDecimal("10")))
/// welcome.code   // "WELCOME10": codes are matched in any case
/// ```
public struct Voucher: Sendable, Hashable {
    public enum Benefit: Sendable, Hashable {
        case percentage(ExactDecimal)
        /// An amount off per currency; a market whose currency is missing cannot use the voucher.
        case fixed([String: Money])
        case freeShipping
    }

    /// Upper-case code.
    public let code: String
    public let benefit: Benefit
    /// Markets where the code works; nil means every market.
    public let markets: [String]?
    /// Minimum cart subtotal per currency code, before discounts.
    public let minimumSpend: [String: Money]
    public let validFrom: Date?
    public let validUntil: Date?
    /// Who may use the code: customers in one of these groups (`students`); nil means anyone.
    public let customerGroups: [String]?
    /// Channels the code works in (`web`, `pos`); nil means every channel.
    public let channels: [String]?
    /// Orders that may use the code in all, and per customer; nil means no limit. Uses are counted
    /// when an order is placed and given back when it is cancelled.
    public let maxUses: Int64?
    public let maxUsesPerCustomer: Int64?

    public init(
        code: String, benefit: Benefit, markets: [String]? = nil, minimumSpend: [String: Money] = [:],
        validFrom: Date? = nil, validUntil: Date? = nil, customerGroups: [String]? = nil, channels: [String]? = nil,
        maxUses: Int64? = nil, maxUsesPerCustomer: Int64? = nil
    ) {
        self.code = Self.normalize(code)
        self.benefit = benefit
        self.markets = markets
        self.minimumSpend = minimumSpend
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.customerGroups = customerGroups
        self.channels = channels
        self.maxUses = maxUses
        self.maxUsesPerCustomer = maxUsesPerCustomer
    }

    /// True when uses of the code are counted (it has a limit in all or per customer).
    public var isLimited: Bool { maxUses != nil || maxUsesPerCustomer != nil }

    /// Why the shopper cannot use the code here: the wrong channel, or not a member of its groups
    /// (`groups` are the customer's active groups, empty for a guest); nil when they can.
    public func audienceRejection(channel: String, groups: [String]) -> VoucherRejection? {
        if let channels, !channels.contains(channel) { return .wrongChannel }
        if let customerGroups, !customerGroups.contains(where: groups.contains) { return .wrongGroup }
        return nil
    }

    /// How a typed code is compared: trimmed and upper-cased (`welcome10` is `WELCOME10`).
    public static func normalize(_ code: String) -> String {
        let trimmed = code.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        return String(trimmed).uppercased()
    }

    /// Why the voucher cannot be used on a cart right now, or nil when it can.
    public func rejection(market: String, subtotal: Money, at now: Date) -> VoucherRejection? {
        if let validFrom, now < validFrom { return .notYetValid(validFrom) }
        if let validUntil, now >= validUntil { return .expired(validUntil) }
        if let markets, !markets.contains(market) { return .wrongMarket }
        if case .fixed(let amounts) = benefit, amounts[subtotal.currency.code] == nil { return .wrongMarket }
        if let minimum = minimumSpend[subtotal.currency.code], subtotal.minorUnits < minimum.minorUnits {
            return .minimumNotMet(minimum: minimum, subtotal: subtotal)
        }
        return nil
    }

    /// The cart discount this voucher gives in `currency` (free shipping gives none here).
    public func discount(currency: Currency) -> CartCalculator.Discount {
        switch benefit {
        case .percentage(let rate): .percentage(rate)
        case .fixed(let amounts): amounts[currency.code].map { .fixed($0) } ?? .none
        case .freeShipping: .none
        }
    }

    public var isFreeShipping: Bool { benefit == .freeShipping }
}

/// Why a voucher does not apply; each has a localized message at the HTTP edge.
public enum VoucherRejection: Sendable, Hashable {
    case unknown
    case notYetValid(Date)
    case expired(Date)
    case wrongMarket
    case minimumNotMet(minimum: Money, subtotal: Money)
    /// A cart takes one discount voucher (plus free shipping).
    case oneDiscountPerCart(existing: String)
    /// Only for members of the voucher's customer groups.
    case wrongGroup
    case wrongChannel
    /// Every use the voucher allows is taken.
    case usedUp
    /// The customer used the voucher as often as it allows one customer.
    case alreadyUsed

    /// Stable code clients branch on.
    public var code: String {
        switch self {
        case .unknown: "voucher_unknown"
        case .notYetValid: "voucher_not_yet_valid"
        case .expired: "voucher_expired"
        case .wrongMarket: "voucher_wrong_market"
        case .minimumNotMet: "voucher_minimum_not_met"
        case .oneDiscountPerCart: "voucher_one_discount_per_cart"
        case .wrongGroup: "voucher_wrong_group"
        case .wrongChannel: "voucher_wrong_channel"
        case .usedUp: "voucher_used_up"
        case .alreadyUsed: "voucher_already_used"
        }
    }
}
