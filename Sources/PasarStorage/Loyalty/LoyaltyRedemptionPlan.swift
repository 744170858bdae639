import FoundationEssentials
import PasarCore

/// Spending a cart's points at checkout, inside the order's transaction, decided once for both order
/// stores: each store takes `lock` (PostgreSQL), reads `entries`, and this plan checks the balance
/// the ledger gives now (expiry included) and appends the `redeem` entry and its event. Two
/// checkouts of one customer spending more than the balance in total: the second waits for the
/// first, sees its entry, and is refused (`OrderStoreError.loyaltyInsufficient`), rolling back its
/// whole order.
struct LoyaltyRedemptionPlan {
    let statements: [SQLFragment]
    let event: OutboxEntry

    static func lock(_ draft: OrderDraft, dialect: SQLDialect) -> SQLFragment? {
        guard let customerID = draft.customerID else { return nil }
        return LoyaltyLedgerSQL.lock(customerID: customerID, market: draft.market, dialect: dialect)
    }

    static func entries(_ draft: OrderDraft) -> SQLFragment? {
        guard let customerID = draft.customerID else { return nil }
        return LoyaltyLedgerSQL.entries(customerID: customerID, market: draft.market)
    }

    /// `rows`: what `entries` read after `lock`.
    init(_ draft: OrderDraft, redemption: OrderDraft.LoyaltyRedemption, rows: [[SQLValue?]]) throws {
        guard let customerID = draft.customerID else { throw OrderStoreError.loyaltyInsufficient(requested: redemption.points, balance: 0) }
        let balance = LoyaltyBalance(entries: try rows.map(LoyaltyLedgerSQL.entry), at: draft.placedAt)
        guard balance.points >= redemption.points else {
            throw OrderStoreError.loyaltyInsufficient(requested: redemption.points, balance: balance.points)
        }
        statements = [
            LoyaltyLedgerSQL.insert(
                customerID: customerID, market: draft.market, kind: .redeem, points: -redemption.points, orderID: draft.id,
                reference: LoyaltyLedgerSQL.redeemReference(draft.id), expiresAt: nil, now: draft.placedAt)
        ]
        event = try OutboxEntry(
            .loyaltyPointsRedeemed, resourceID: draft.id, customerID: customerID, market: draft.market, language: draft.language,
            arguments: .init(order: draft.number, count: redemption.points, amount: redemption.value), now: draft.placedAt)
    }
}
