import Foundation
import PasarCore
import PasarLocalization
import PasarMarkets

/// Localized shopper-facing reasons for cart refusals (why a voucher does not apply), from the
/// message catalog (`Locales/messages/`), formatted with ICU MessageFormat in the response language;
/// amounts inside are formatted by ICU as well.
struct CartMessages: Sendable {
    let catalog: MessageCatalog

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
        case .unknown, .wrongMarket, .wrongGroup, .wrongChannel, .usedUp, .alreadyUsed:
            break
        }
        guard catalog.pattern(for: rejection.code, language: language) != nil else { return rejection.code }
        return try catalog.format(rejection.code, language: language, arguments: arguments)
    }
}
