import PasarCore
import Yams

extension MarketFileParser {
    /// `loyalty:` — points per whole currency unit paid, the value of one point in the market's
    /// currency, and the days earned points last (left out: they never expire).
    ///
    /// ```yaml
    /// loyalty: {points_per_unit: 1, point_value: "0.01", expires_after_days: 365}
    /// ```
    func parseLoyalty(_ node: Node?, currency: Currency) -> LoyaltyProgram? {
        guard let node, !reader.isPlaceholder(node, "loyalty") else { return nil }
        guard let fields = reader.mapping(node, "loyalty", allowed: ["points_per_unit", "point_value", "expires_after_days"]) else { return nil }
        let perUnit = reader.integer(fields["points_per_unit"], "loyalty.points_per_unit", range: 1...10_000)
        if fields["points_per_unit"] == nil { reader.report("loyalty.points_per_unit", "is required (points per whole \(currency.code))") }
        let days = reader.integer(fields["expires_after_days"], "loyalty.expires_after_days", range: 1...36_500)
        guard let text = reader.string(fields["point_value"], "loyalty.point_value") else { return nil }
        guard let value = try? Money(parsing: text, currency: currency), value.minorUnits > 0 else {
            reader.report("loyalty.point_value", "'\(text)' must be a positive amount in \(currency.code), such as 0.01")
            return nil
        }
        guard let perUnit else { return nil }
        return LoyaltyProgram(pointsPerUnit: Int64(perUnit), pointValue: value, expiresAfterDays: days)
    }
}
