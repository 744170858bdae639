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
/// {"kind": "percentage", "percent": "15", "customer_groups": ["students"], "channels": ["web", "mobile"],
///  "max_uses": 500, "max_uses_per_customer": 1}
/// ```
struct VoucherInput: Decodable {
    let kind: String
    let percent: String?
    let amounts: [String: String]?
    let markets: [String]?
    let minimumSpend: [String: String]?
    let validFrom: String?
    let validUntil: String?
    let customerGroups: [String]?
    let channels: [String]?
    let maxUses: Int64?
    let maxUsesPerCustomer: Int64?

    enum CodingKeys: String, CodingKey {
        case kind, percent, amounts, markets, minimumSpend = "minimum_spend", validFrom = "valid_from", validUntil = "valid_until"
        case customerGroups = "customer_groups", channels, maxUses = "max_uses", maxUsesPerCustomer = "max_uses_per_customer"
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
        try checkAudience(markets: known)
        for (field, limit) in [("max_uses", maxUses), ("max_uses_per_customer", maxUsesPerCustomer)] {
            if let limit, !(1...1_000_000_000).contains(limit) { throw Problem.invalidField(field, "must be a whole number from 1 to 1000000000") }
        }
        return Voucher(
            code: code, benefit: benefit, markets: markets, minimumSpend: try Self.money(minimumSpend ?? [:], field: "minimum_spend"),
            validFrom: from, validUntil: until, customerGroups: customerGroups, channels: channels, maxUses: maxUses,
            maxUsesPerCustomer: maxUsesPerCustomer)
    }

    /// Groups must be declared by a market the voucher works in (any market when it names none);
    /// channels must be channels of such a market.
    private func checkAudience(markets known: MarketSnapshot) throws {
        let scope = markets.map { codes in known.markets.filter { codes.contains($0.code) } } ?? known.markets
        for (field, values) in [("customer_groups", customerGroups), ("channels", channels)] {
            guard let values else { continue }
            guard !values.isEmpty else { throw Problem.invalidField(field, "must name at least one, or be left out") }
            for (index, value) in values.enumerated() {
                let known = field == "channels" ? scope.contains { $0.channels.contains(value) } : scope.contains { $0.customerGroup(value) != nil }
                guard known else {
                    throw Problem.invalidField("\(field)[\(index)]", "'\(value)' is not a \(field == "channels" ? "channel" : "customer group") of the voucher's markets")
                }
            }
        }
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
        guard let date = ISOTimestamp.parse(text) else {
            throw Problem.invalidField(field, "must be an ISO 8601 time such as 2026-12-31T23:59:59Z")
        }
        return date
    }
}
