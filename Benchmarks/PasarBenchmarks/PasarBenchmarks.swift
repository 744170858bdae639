#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import FoundationEssentials
import PasarCore
import PasarLocalization

/// Micro-benchmarks of the hot paths: ICU formatting, money, price lookup, cart totals, JSON. Prints operations per second; run in release:
/// `swift run -c release PasarBenchmarks [seconds-per-case]`.
@main
struct PasarBenchmarks {
    static func main() async throws {
        let seconds = CommandLine.arguments.dropFirst().first.flatMap(Double.init) ?? 2
        let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let locales = try ["de-CH", "ja-JP", "ar-EG", "en-US", "hi-IN-u-nu-deva", "pl-PL"].map { try LocaleTag($0) }
        let currencies = ["CHF", "JPY", "EGP", "USD", "INR", "PLN"]
        let amounts = ["0.5", "1234.5", "1234567.891", "-42.42", "99.99"]

        print("Pasar micro-benchmarks (\(cores) cores, \(seconds) s per case)")
        print(pad("case", 44) + pad("1 thread ops/s", 18) + "all cores ops/s")

        try await report("currency format, cached formatter", seconds: seconds, cores: cores) { index in
            let slot = index % locales.count
            _ = try NumberFormatting.shared.currency(amounts[index % amounts.count], code: currencies[slot], locale: locales[slot])
        }
        try await report("currency format, new formatter each time", seconds: seconds, cores: cores) { index in
            let slot = index % locales.count
            _ = try NumberFormatting().currency(amounts[index % amounts.count], code: currencies[slot], locale: locales[slot])
        }
        let chf = try CurrencyCatalog.currency("CHF")
        let prices = try ["0.50", "1234.50", "99.95", "42.40"].map { try Money(parsing: $0, currency: chf) }
        try await report("money: line total + 8.1 % tax + cash", seconds: seconds, cores: cores) { index in
            let line = try prices[index % prices.count].multiplied(by: Int64(index % 7 + 1))
            _ = try line.adding(line.percentage(ExactDecimal(significand: 81, scale: 1))).roundedForCash()
        }
        try await report("plural category (pl)", seconds: seconds, cores: cores) { index in
            _ = try PluralRules.shared.category(of: index % 1000, locale: locales[5])
        }
        let names = ["Çay bardağı", "İstanbul kahvesi", "Crème brûlée", "Straße", "Ürün \(0)"]
        try await report("search key", seconds: seconds, cores: cores) { index in
            _ = SearchKey.make(names[index % names.count])
        }
        let eur = try CurrencyCatalog.currency("EUR")
        let entries = try (0..<12).map { index in
            PriceEntry(
                productID: "tea", sku: index % 3 == 0 ? nil : "TEA-\(index % 3)", market: ["de", "fr", "ch"][index % 3],
                amount: try Money(parsing: "\(5 + index).90", currency: eur), channel: index % 4 == 0 ? "pos" : nil,
                minQuantity: index % 5 == 0 ? 6 : 1)
        }
        let policy = PricingPolicy(market: "de", currency: eur, pricesIncludeTax: true, rounding: .halfEven)
        try await report("price lookup + tax split (12 entries)", seconds: seconds, cores: cores) { index in
            let context = PriceContext(market: "de", sku: "TEA-\(index % 3)", channel: index % 2 == 0 ? "pos" : "web", quantity: Int64(index % 8 + 1))
            _ = try PriceCalculator.quote(entries: entries, context: context, policy: policy, taxRate: ExactDecimal(significand: 7))
        }
        let lines = try (0..<8).map { index in
            CartCalculator.Line(
                id: "l\(index)", quantity: Int64(index + 1), unitAmount: try Money(parsing: "\(index + 3).45", currency: eur),
                taxRate: ExactDecimal(significand: index % 2 == 0 ? 19 : 7))
        }
        let shipping = CartCalculator.Line(id: "shipping", quantity: 1, unitAmount: try Money(parsing: "4.90", currency: eur), taxRate: ExactDecimal(significand: 19))
        try await report("cart totals (8 lines, 10 % off, shipping)", seconds: seconds, cores: cores) { _ in
            _ = try CartCalculator.totals(
                lines: lines, currency: eur, discount: .percentage(ExactDecimal(significand: 10)), shipping: shipping,
                policy: .init(pricesIncludeTax: true))
        }
        let product = Product(
            id: "tea-rize-black", categoryIDs: ["tea"], taxClass: "reduced",
            translations: ["en": .init(name: "Rize Black Tea", slug: "rize-black-tea"), "de": .init(name: "Schwarzer Tee aus Rize", slug: "schwarzer-tee")],
            variants: [Variant(sku: "TEA-250", options: ["size": "250g"]), Variant(sku: "TEA-500", options: ["size": "500g"])])
        try await report("JSON encoding of a product", seconds: seconds, cores: cores) { _ in
            _ = try JSONEncoder().encode(product)
        }
        let swedish = try Collator.shared(for: LocaleTag("sv"))
        try await report("collation sort key (sv)", seconds: seconds, cores: cores) { index in
            _ = swedish.sortKey(names[index % names.count])
        }
    }

    /// Runs `body` for `seconds` on one task, then on `cores` tasks at once, and prints both rates.
    static func report(
        _ name: String, seconds: Double, cores: Int, _ body: @escaping @Sendable (Int) throws -> Void
    ) async throws {
        let single = try await measure(seconds: seconds, tasks: 1, body)
        let parallel = try await measure(seconds: seconds, tasks: cores, body)
        print(pad(name, 44) + pad(format(single), 18) + format(parallel))
    }

    static func measure(seconds: Double, tasks: Int, _ body: @escaping @Sendable (Int) throws -> Void) async throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start.advanced(by: .milliseconds(Int(seconds * 1000)))
        let total = try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var count = 0
                    while clock.now < deadline {
                        for step in 0..<256 { try body(task * 7919 + count + step) }
                        count += 256
                    }
                    return count
                }
            }
            return try await group.reduce(0, +)
        }
        let elapsed = start.duration(to: clock.now)
        let elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Double(total) / elapsedSeconds
    }

    static func format(_ rate: Double) -> String { String(Int(rate.rounded())) }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }
}
