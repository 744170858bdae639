import PasarCore
import PasarLocalization

/// An amount on the wire: exact decimal, currency, and the string to show, formatted by ICU in the
/// response language: `{"amount": "1234.50", "currency": "EUR", "formatted": "1.234,50 €"}`.
struct AmountView: Encodable, Sendable, Equatable {
    let amount: String
    let currency: String
    let formatted: String

    /// `options` carries the market's display precision (`fractionDigits`).
    init(_ money: Money, locale: LocaleTag, options: CurrencyFormatOptions = .standard) throws {
        amount = money.decimalString
        currency = money.currency.code
        formatted = try NumberFormatting.shared.money(money, locale: locale, options: options)
    }
}

/// Formats amounts for one response: its language and the market's display precision.
struct AmountFormatter: Sendable {
    let locale: LocaleTag
    let options: CurrencyFormatOptions

    init(locale: LocaleTag, displayDigits: Int? = nil) {
        self.locale = locale
        options = CurrencyFormatOptions(fractionDigits: displayDigits)
    }

    func callAsFunction(_ money: Money) throws -> AmountView {
        try AmountView(money, locale: locale, options: options)
    }
}
