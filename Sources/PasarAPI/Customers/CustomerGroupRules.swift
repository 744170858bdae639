import Foundation
import Logging
import PasarCore
import PasarMarkets
import PasarStorage

/// Applies the order's market's spend rules (`customer_groups[].lifetime_spend`) to the order's customer
/// after the order's money changed: paid, cancelled or refunded. Guest orders and markets without
/// rules do nothing.
struct CustomerGroupRules {
    let services: APIServices

    func apply(after order: Order, logger: Logger) async throws {
        guard let customerID = order.customerID, let market = services.markets.snapshot.market(code: order.market) else { return }
        let rules = market.customerGroups.compactMap { group in
            group.lifetimeSpend.map { SpendRule(group: group.code, minimumMinorUnits: $0.minorUnits) }
        }
        guard !rules.isEmpty else { return }
        let outcome = try await services.customerGroups.applySpendRules(rules, customerID: customerID, market: market.code, now: Date())
        for code in outcome.granted {
            logger.info("customer group granted by rule", metadata: ["customer.id": "\(customerID)", "group": "\(code)", "market": "\(market.code)"])
        }
        for code in outcome.withdrawn {
            logger.info("customer group withdrawn by rule", metadata: ["customer.id": "\(customerID)", "group": "\(code)", "market": "\(market.code)"])
        }
    }
}
