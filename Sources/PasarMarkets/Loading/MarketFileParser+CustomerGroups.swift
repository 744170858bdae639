import PasarCore
import Yams

extension MarketFileParser {
    /// `customer_groups:` — the groups price rows and vouchers may name, each with an optional
    /// `lifetime_spend` rule in the market's currency.
    func parseCustomerGroups(_ node: Node?, currency: Currency) -> [CustomerGroupDefinition] {
        guard let node, !reader.isPlaceholder(node, "customer_groups") else { return [] }
        guard case .sequence(let sequence) = node else {
            reader.report("customer_groups", "must be a list of customer groups")
            return []
        }
        var codes = Set<String>()
        return sequence.enumerated().compactMap { index, item in
            let path = "customer_groups[\(index)]"
            guard let fields = reader.mapping(item, path, allowed: ["code", "lifetime_spend"]) else { return nil }
            guard let code = reader.string(fields["code"], "\(path).code") else { return nil }
            guard CustomerGroup.isValidCode(code) else {
                reader.report("\(path).code", "'\(code)' must be 1 to 40 lowercase letters, digits, '-' or '_'")
                return nil
            }
            guard codes.insert(code).inserted else {
                reader.report("\(path).code", "'\(code)' is declared twice")
                return nil
            }
            let spend = amount(fields["lifetime_spend"], "\(path).lifetime_spend", currency: currency, required: false)
            if let spend, spend.minorUnits == 0 { reader.report("\(path).lifetime_spend", "must be more than zero") }
            return CustomerGroupDefinition(code: code, lifetimeSpend: spend)
        }
    }
}
