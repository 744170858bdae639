import ArgumentParser
import PasarCore
import PasarLocalization

/// `pasar format`: formats an amount or number through the ICU layer, to try it with nothing else running.
struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "format",
        abstract: "Format an amount or number for a locale with ICU.",
        discussion: """
            Examples:
              pasar format --locale de-CH --currency CHF 1234.5     → CHF 1’234.50
              pasar format --locale de-CH --currency CHF --cash 10.03 → CHF 10.05
              pasar format --locale de-DE --style percent 0.081     → 8,1 %
              pasar format --locale ja-JP --style compact 12345678  → 1235万
              pasar format --locale fr-FR --currency EUR -- -5       (negative amounts after --)
            """
    )

    enum Style: String, ExpressibleByArgument, CaseIterable {
        case currency, decimal, percent, compact
    }

    @Option(help: "BCP-47 locale, e.g. de-CH, ar-EG, hi-IN-u-nu-deva.")
    var locale: String = "en-US"

    @Option(help: "ISO 4217 currency code (required for the currency style).")
    var currency: String?

    @Option(help: "currency (default when --currency is given), decimal, percent (0.081 → 8.1%) or compact.")
    var style: Style?

    @Flag(help: "Use the currency's cash precision and rounding increment (CHF 0.05).")
    var cash = false

    @Option(help: "How the currency is shown: symbol, narrow, iso or name.")
    var display: String = CurrencyFormatOptions.Display.symbol.rawValue

    @Option(help: "Rounding mode: \(RoundingMode.allCases.map(\.rawValue).joined(separator: ", ")).")
    var rounding: String = RoundingMode.halfEven.rawValue

    @Argument(help: "The amount as a plain decimal, e.g. 1234.5 or -0.25.")
    var amount: String

    func validate() throws {
        guard (try? LocaleTag(locale)) != nil else {
            throw ValidationError("'\(locale)' is not a known locale; use a BCP-47 tag such as de-CH or en-US.")
        }
        if let currency, !CurrencyCatalog.isKnown(currency) {
            throw ValidationError("'\(currency)' is not an ISO 4217 currency code in use, such as EUR or JPY.")
        }
        if resolvedStyle == .currency, currency == nil {
            throw ValidationError("--currency is required to format a currency amount.")
        }
        guard CurrencyFormatOptions.Display(rawValue: display) != nil else {
            throw ValidationError("--display must be one of: \(CurrencyFormatOptions.Display.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        guard RoundingMode(rawValue: rounding) != nil else {
            throw ValidationError("--rounding must be one of: \(RoundingMode.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    private var resolvedStyle: Style { style ?? (currency == nil ? .decimal : .currency) }

    func run() throws {
        let tag = try LocaleTag(locale)
        let mode = RoundingMode(rawValue: rounding) ?? .halfEven
        let formatting = NumberFormatting.shared
        do {
            let text =
                switch resolvedStyle {
                case .currency:
                    try formatting.currency(
                        amount, code: currency ?? "", locale: tag,
                        options: CurrencyFormatOptions(
                            usage: cash ? .cash : .standard,
                            display: CurrencyFormatOptions.Display(rawValue: display) ?? .symbol, rounding: mode))
                case .decimal: try formatting.decimal(amount, locale: tag, rounding: mode)
                case .percent: try formatting.percent(amount, locale: tag, rounding: mode)
                case .compact: try formatting.decimal(amount, locale: tag, notation: .compact, rounding: mode)
                }
            print(text)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
