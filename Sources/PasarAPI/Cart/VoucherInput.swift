import Foundation
import PasarCore
import PasarLocalization
import PasarMarkets

/// `PUT /v1/admin/vouchers/{code}` body:
///
/// ```json
/// {"kind": "percentage", "percent": "10", "markets": ["de", "at"], "minimum_spend": {"EUR": "30.00"},
///  "valid_from": "2026-01-01T00:00:00Z", "valid_until": "2026-12-31T23:59:59Z"}
/// {"kind": "fixed", "amounts": {"EUR": "5.00", "CHF": "5.00"}}
/// {"kind": "free_shipping"}
/// ```
struct VoucherInput: Decodable {
    let kind: String
    let percent: String?
    let amounts: [String: String]?
    let markets: [String]?
    let minimumSpend: [String: String]?
    let validFrom: String?
    let validUntil: String?

    enum CodingKeys: String, CodingKey {
        case kind, percent, amounts, markets, minimumSpend = "minimum_spend", validFrom = "valid_from", validUntil = "valid_until"
    }

    func voucher(code: String, markets known: MarketSnapshot) throws -> Voucher {
        let benefit: Voucher.Benefit
        switch kind {
        case "percentage":
            guard let percent, let rate = try? ExactDecimal(percent), rate.isWithin(0, 100), !rate.isNegative, rate.significand != 0 else {
                throw Problem.invalidField("percent", "must be a decimal string above 0 and at most 100, such as \"10\"")
            }
            benefit = .percentage(rate)
        case "fixed":
            let values = try Self.money(amounts ?? [:], field: "amounts")
            guard !values.isEmpty else { throw Problem.invalidField("amounts", "needs at least one currency, such as {\"EUR\": \"5.00\"}") }
            benefit = .fixed(values)
        case "free_shipping":
            benefit = .freeShipping
        default:
            throw Problem.invalidField("kind", "must be one of percentage, fixed, free_shipping")
        }
        if let markets {
            for (index, market) in markets.enumerated() where known.market(code: market) == nil {
                throw Problem.invalidField("markets[\(index)]", "'\(market)' is not a market")
            }
        }
        let from = try validFrom.map { try Self.date($0, field: "valid_from") }
        let until = try validUntil.map { try Self.date($0, field: "valid_until") }
        if let from, let until, until <= from { throw Problem.invalidField("valid_until", "must be after valid_from") }
        return Voucher(
            code: code, benefit: benefit, markets: markets, minimumSpend: try Self.money(minimumSpend ?? [:], field: "minimum_spend"),
            validFrom: from, validUntil: until)
    }

    private static func money(_ values: [String: String], field: String) throws -> [String: Money] {
        var result: [String: Money] = [:]
        for (code, text) in values {
            guard CurrencyCatalog.isKnown(code), code == code.uppercased(), let currency = try? CurrencyCatalog.currency(code) else {
                throw Problem.invalidField("\(field).\(code)", "'\(code)' is not an ISO 4217 currency code")
            }
            guard let amount = try? Money(parsing: text, currency: currency), !amount.isNegative, !amount.isZero else {
                throw Problem.invalidField("\(field).\(code)", "must be a positive amount with at most \(currency.minorUnitDigits) decimals, such as \"5.00\"")
            }
            result[code] = amount
        }
        return result
    }

    private static func date(_ text: String, field: String) throws -> Date {
        // Foundation's parser rolls an out-of-range field over (12:99 becomes 13:39); refuse it instead.
        guard fieldsInRange(text), let date = try? Date(text, strategy: .iso8601) else {
            throw Problem.invalidField(field, "must be an ISO 8601 time such as 2026-12-31T23:59:59Z")
        }
        return date
    }

    /// Month, day (for that month), hour, minute, second and offset within their ranges.
    private static func fieldsInRange(_ text: String) -> Bool {
        let pattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/
        guard let match = text.wholeMatch(of: pattern), let year = Int(match.1), let month = Int(match.2), let day = Int(match.3),
            let hour = Int(match.4), let minute = Int(match.5), let second = Int(match.6)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), (1...days[month - 1]).contains(day), hour < 24, minute < 60, second < 60 else { return false }
        if let offsetHours = match.9.flatMap({ Int($0) }), let offsetMinutes = match.10.flatMap({ Int($0) }) {
            return offsetHours < 24 && offsetMinutes < 60
        }
        return true
    }
}
