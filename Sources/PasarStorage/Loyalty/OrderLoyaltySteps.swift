import FoundationEssentials
import PasarCore

/// What a status step does to the customer's points, as `OrderStatusPlan` runs it: the step that
/// makes an order paid earns `LoyaltyProgram.pointsEarned` on its total (and says so in a
/// `loyalty_points_earned` event); a cancellation gives back the points the order redeemed and,
/// when it refunds, reverses the earned points (`LoyaltyLedgerSQL.reversal`).
struct OrderLoyaltySteps {
    var statements: [SQLFragment] = []
    var events: [OrderEventToAppend] = []

    init(_ change: OrderStatusChangeRequest, on order: Order, becomesPaid: Bool, refundOwed: Money?) throws {
        guard let customerID = order.customerID else { return }
        if becomesPaid, let program = change.loyalty {
            let points = try program.pointsEarned(on: order.totals.total)
            if points > 0 {
                statements.append(
                    LoyaltyLedgerSQL.insert(
                        customerID: customerID, market: order.market, kind: .earn, points: points, orderID: order.id,
                        reference: LoyaltyLedgerSQL.earnReference(order.id), expiresAt: program.expiry(ofPointsEarnedAt: change.now), now: change.now))
                events.append(
                    OrderEventToAppend(
                        kind: .loyaltyPointsEarned, arguments: .init(order: order.number, count: points, amount: try program.value(of: points))))
            }
        }
        if change.target == .cancelled {
            statements.append(
                LoyaltyLedgerSQL.restore(orderID: order.id, expiresAt: change.loyalty?.expiry(ofPointsEarnedAt: change.now), now: change.now))
            if let refundOwed,
                let reversal = LoyaltyLedgerSQL.reversal(
                    order: order, reference: "reverse:cancel:" + order.id, refundedBefore: order.refunded,
                    refundedAfter: try order.refunded.adding(refundOwed), now: change.now)
            {
                statements.append(reversal)
            }
        }
    }
}
