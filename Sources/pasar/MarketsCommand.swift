import ArgumentParser
import Foundation
import PasarCore
import PasarLocalization
import PasarMarkets

/// `pasar markets`: check and inspect the market configuration files.
struct MarketsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markets",
        abstract: "Validate, list, show and start market configuration files.",
        subcommands: [Validate.self, List.self, Show.self, New.self]
    )

    /// Loads the registry or prints every problem, one per line, and fails.
    static func loadRegistry(directory: String) throws -> MarketRegistry {
        do {
            return try MarketRegistry(directory: directory)
        } catch {
            printError("the market files in \(directory) have problems:")
            for issue in error.issues { printError("  \(issue)") }
            throw ExitCode(1)
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check every market file and report all problems at once.")

        @Argument(help: "Directory of market files (same as --dir).")
        var directoryArgument: String?

        @Option(help: "Directory of market files.")
        var dir: String = BundledFile.path("Locales/markets")

        @Option(help: "Directory of message catalogs; a market language without one is reported.")
        var messages: String = BundledFile.path("Locales/messages")

        @OptionGroup var dataDirectory: DataDirectoryOption

        func run() throws {
            let directory = directoryArgument ?? dir
            let result = MarketLoader.load(directory: directory)
            guard result.issues.isEmpty else {
                for issue in result.issues { printError(issue.description) }
                printError("\(result.issues.count) problem\(result.issues.count == 1 ? "" : "s") in \(directory)")
                throw ExitCode(1)
            }
            print("\(result.markets.count) markets valid: \(result.markets.map(\.code).joined(separator: ", "))")
            guard FileManager.default.fileExists(atPath: messages) else {
                printError("warning: no message catalogs at \(messages) (--messages); the market languages were not checked against them")
                return
            }
            let catalog: MessageCatalog
            do { catalog = try MessageCatalog.load(directory: messages) } catch {
                printError("the message catalogs in \(messages) have problems:\n\(error)")
                throw ExitCode(1)
            }
            for (market, language) in Self.languagesWithoutCatalog(result.markets, catalog: catalog) {
                printError("warning: market \(market): \(language.identifier) has no message catalog in \(messages) (add \(language.language).yaml); its customers read English")
            }
        }

        /// Market languages that only English would answer: no catalog for them or a CLDR parent
        /// (`de-CH` is served by `de.yaml`); English variants are served by `en.yaml`.
        static func languagesWithoutCatalog(_ markets: [Market], catalog: MessageCatalog) -> [(market: String, language: LocaleTag)] {
            let available = Set(catalog.languages)
            return markets.flatMap { market in
                market.languages.filter { language in
                    !language.fallbackChain.contains { available.contains($0.identifier) } && language.language != MessageCatalog.fallbackLanguage
                }.map { (market.code, $0) }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the markets as a table.")

        @Option(help: "Directory of market files.")
        var dir: String = BundledFile.path("Locales/markets")

        @OptionGroup var dataDirectory: DataDirectoryOption

        func run() throws {
            let markets = try MarketsCommand.loadRegistry(directory: dir).snapshot.markets
            let rows = [["CODE", "COUNTRIES", "CURRENCY", "LANGUAGES", "TAX", "PRICES"]]
                + markets.map { market in
                    [
                        market.code, market.countries.joined(separator: ","), market.currency.code,
                        market.languages.map(\.identifier).joined(separator: ","), market.tax.mode.rawValue, market.priceSource.summary,
                    ]
                }
            let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                print(zip(row, widths).map { $0.0.padding(to: $0.1) }.joined(separator: "  ").trimmingTrailingSpaces())
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one market as resolved, with example prices in each language.")

        @Argument(help: "Market code, e.g. ch.")
        var code: String

        @Option(help: "Directory of market files.")
        var dir: String = BundledFile.path("Locales/markets")

        @OptionGroup var dataDirectory: DataDirectoryOption

        func run() throws {
            let snapshot = try MarketsCommand.loadRegistry(directory: dir).snapshot
            guard let market = snapshot.market(code: code) else {
                throw ValidationError("there is no market '\(code)'; markets: \(snapshot.markets.map(\.code).joined(separator: ", "))")
            }
            let example = try Money(parsing: market.currency.minorUnitDigits == 0 ? "1234567" : "1234.5", currency: market.currency)
            let cash = try Money(parsing: market.currency.minorUnitDigits == 0 ? "1003" : "10.03", currency: market.currency)
                .roundedForCash(increment: market.rounding.cashIncrementMinorUnits, rounding: market.rounding.cashMode)
            print("market      \(market.code) (\(market.file))")
            print("name        \(market.name(in: market.defaultLanguage))")
            print("countries   \(market.countries.joined(separator: ", "))")
            print("currency    \(market.currency.code), \(market.currency.minorUnitDigits) digits; accepts \(market.acceptedCurrencies.map(\.code).joined(separator: ", ").ifEmpty("no other currency"))")
            print("languages   \(market.languages.map(\.identifier).joined(separator: ", ")) (default \(market.defaultLanguage.identifier))")
            print("tax         \(market.tax.mode.rawValue): " + market.tax.rates.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value) %" }.joined(separator: ", "))
            for (country, rates) in market.tax.countryOverrides.sorted(by: { $0.key < $1.key }) {
                print("  in \(country)     " + rates.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value) %" }.joined(separator: ", "))
            }
            print("rounding    \(market.rounding.mode.rawValue) per \(market.rounding.level.rawValue), \(market.rounding.displayDigits) digits shown; cash step \(Money(minorUnits: market.rounding.cashIncrementMinorUnits, currency: market.currency).decimalString) \(market.rounding.cashMode.rawValue)")
            print("prices      \(market.priceSource.summary)")
            print("channels    \(market.channels.joined(separator: ", "))")
            print("shipping    \(market.shippingMethods.map { "\($0.id) \($0.price.decimalString)" }.joined(separator: ", ").ifEmpty("none"))")
            print("stores      \(market.stores.map { "\($0.id)\($0.pickup ? " (pickup)" : "")" }.joined(separator: ", ").ifEmpty("none"))")
            print("loyalty     \(market.loyalty.map { "\($0.pointsPerUnit) per whole \(market.currency.code), a point is \($0.pointValue.decimalString), " + ($0.expiresAfterDays.map { "expires after \($0) days" } ?? "never expires") } ?? "none")")
            for language in market.languages {
                let formatted = try NumberFormatting.shared.money(example, locale: language)
                let cashText = try NumberFormatting.shared.money(cash.rounded, locale: language)
                print("example     \(language.identifier.padding(to: 8)) \(formatted)   cash \(cash.exact.decimalString) → \(cashText)")
            }
        }
    }
}

extension String {
    func padding(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
    func trimmingTrailingSpaces() -> String { String(reversed().drop(while: { $0 == " " }).reversed()) }
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
