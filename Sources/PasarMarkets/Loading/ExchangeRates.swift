import PasarCore
import PasarLocalization
import Yams

/// The exchange rates of `rates.yaml`, keyed `SOURCE/TARGET` (`EUR/SEK: "11.48"`: 1 EUR = 11.48 SEK).
struct ExchangeRates {
    static let fileName = "rates.yaml"

    private(set) var rates: [String: ExactDecimal] = [:]

    /// Reads the file's tree, recording every problem in `reader`.
    init(_ node: Node?, reader: NodeReader) {
        guard let node, let fields = reader.mapping(node, "", allowed: ["rates"]) else { return }
        for (pair, value) in reader.mapping(fields["rates"], "rates", allowed: []) ?? [:] {
            let path = "rates.\(pair)"
            let codes = pair.split(separator: "/").map(String.init)
            guard codes.count == 2, codes.allSatisfy({ $0.count == 3 && $0 == $0.uppercased() }) else {
                reader.report(path, "must be named SOURCE/TARGET, such as EUR/SEK")
                continue
            }
            for code in codes where !CurrencyCatalog.isKnown(code) {
                reader.report(path, "'\(code)' is not an ISO 4217 currency code in use, such as EUR")
            }
            guard let rate = reader.decimal(value, path) else { continue }
            guard rate.significand > 0 else {
                reader.report(path, "must be positive")
                continue
            }
            rates[pair] = rate
        }
    }

    /// Units of `target` per unit of `source`; 1 between a currency and itself.
    func rate(from source: Currency, to target: Currency) -> ExactDecimal? {
        rates["\(source.code)/\(target.code)"] ?? (source.code == target.code ? ExactDecimal(significand: 1) : nil)
    }
}
