import Foundation
import PasarCore
import PasarLocalization
import PasarMarkets

/// Localized shopper-facing reasons for cart refusals (why a voucher does not apply), formatted with
/// ICU MessageFormat in the response language; amounts inside are formatted by ICU as well.
struct CartMessages: Sendable {
    /// Looks up a message pattern by key for a language (with the language's fallback chain).
    let pattern: @Sendable (_ key: String, _ language: LocaleTag) -> String?

    func voucherRejection(_ rejection: VoucherRejection, code: String, market: Market, language: LocaleTag) throws -> String {
        let amounts = AmountFormatter(locale: language, displayDigits: market.rounding.displayDigits)
        var arguments: [String: MessageArgument] = ["code": .text(code), "market": .text(market.name(in: language))]
        switch rejection {
        case .expired(let date), .notYetValid(let date):
            arguments["date"] = .date(millisecondsSince1970: Int64(date.timeIntervalSince1970 * 1000))
        case .minimumNotMet(let minimum, let subtotal):
            arguments["minimum"] = .text(try amounts(minimum).formatted)
            arguments["subtotal"] = .text(try amounts(subtotal).formatted)
        case .oneDiscountPerCart(let existing):
            arguments["existing"] = .text(existing)
        case .unknown, .wrongMarket:
            break
        }
        let text = pattern(rejection.code, language) ?? Self.fallback[rejection.code] ?? rejection.code
        return try MessageFormatter.shared.format(text, locale: language, arguments: arguments)
    }

    /// English, for a key missing from every catalog.
    static let fallback: [String: String] = [
        "voucher_unknown": "There is no voucher {code}.",
        "voucher_expired": "The voucher {code} expired on {date, date, long}.",
        "voucher_not_yet_valid": "The voucher {code} can be used from {date, date, long}.",
        "voucher_wrong_market": "The voucher {code} cannot be used in {market}.",
        "voucher_minimum_not_met": "The voucher {code} needs a minimum spend of {minimum}; the cart has {subtotal}.",
        "voucher_one_discount_per_cart": "The cart already has the discount voucher {existing}; remove it to use {code}.",
    ]
}
