public import FoundationEssentials

/// One line of a customer's points ledger in one market. The ledger is append-only: points are
/// earned, redeemed, given back and reversed by new entries, never by changing old ones.
public struct LoyaltyEntry: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Points a paid order earned (positive).
        case earn
        /// Points spent as a cart discount at checkout (negative).
        case redeem
        /// Redeemed points given back when their order was cancelled (positive).
        case restore
        /// Earned points taken back after a refund or return (negative); may leave the balance negative.
        case reverse
    }

    /// Increasing: the ledger's order.
    public let sequence: Int64
    public let kind: Kind
    /// Signed: positive adds to the balance.
    public let points: Int64
    public let orderID: String?
    public let createdAt: Date
    /// When the points of a positive entry expire; nil: never.
    public let expiresAt: Date?

    public init(sequence: Int64, kind: Kind, points: Int64, orderID: String?, createdAt: Date, expiresAt: Date?) {
        self.sequence = sequence
        self.kind = kind
        self.points = points
        self.orderID = orderID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
