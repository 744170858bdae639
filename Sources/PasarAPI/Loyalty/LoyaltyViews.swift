import Foundation
import Hummingbird
import PasarCore
import PasarLocalization
import PasarMarkets

/// A customer's points in one market: balance and its value, what expired and expires next, the
/// market's rule, and a page of the ledger, newest first.
struct LoyaltyAccountView: ResponseEncodable {
    let customerID: String
    let market: String
    /// Spendable points; negative while a clawback is owed (redemption is refused until it is earned back).
    let balance: Int64
    let value: AmountView
    let expired: Int64
    let nextExpiry: LoyaltyExpiryView?
    let program: LoyaltyProgramView
    let history: [LoyaltyEntryView]
    let nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case customerID = "customer_id", market, balance, value, expired, nextExpiry = "next_expiry", program, history
        case nextCursor = "next_cursor"
    }
}

struct LoyaltyExpiryView: Encodable {
    let date: String
    let formatted: String
    let points: Int64
}

struct LoyaltyProgramView: Encodable {
    let pointsPerUnit: Int64
    let pointValue: AmountView
    let expiresAfterDays: Int?

    enum CodingKeys: String, CodingKey {
        case pointsPerUnit = "points_per_unit", pointValue = "point_value", expiresAfterDays = "expires_after_days"
    }

    init(_ program: LoyaltyProgram, amounts: AmountFormatter) throws {
        pointsPerUnit = program.pointsPerUnit
        pointValue = try amounts(program.pointValue)
        expiresAfterDays = program.expiresAfterDays
    }
}

/// One ledger entry.
struct LoyaltyEntryView: Encodable {
    let sequence: Int64
    let kind: String
    let points: Int64
    let orderID: String?
    let createdAt: String
    let expiresAt: String?

    enum CodingKeys: String, CodingKey {
        case sequence, kind, points, orderID = "order_id", createdAt = "created_at", expiresAt = "expires_at"
    }

    init(_ entry: LoyaltyEntry) {
        sequence = entry.sequence
        kind = entry.kind.rawValue
        points = entry.points
        orderID = entry.orderID
        createdAt = OrderView.timestamp(entry.createdAt)
        expiresAt = entry.expiresAt.map(OrderView.timestamp)
    }
}

/// What the markets owe in points (`GET /v1/admin/loyalty/liability`).
struct LoyaltyLiabilityReport: ResponseEncodable {
    let asOf: String
    let markets: [LoyaltyMarketLiabilityView]

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of", markets
    }
}

struct LoyaltyMarketLiabilityView: Encodable {
    let market: String
    let customers: Int
    let outstandingPoints: Int64
    let outstandingValue: AmountView
    let owedBackPoints: Int64
    let owedBackValue: AmountView
    let expiredPoints: Int64

    enum CodingKeys: String, CodingKey {
        case market, customers, outstandingPoints = "outstanding_points", outstandingValue = "outstanding_value"
        case owedBackPoints = "owed_back_points", owedBackValue = "owed_back_value", expiredPoints = "expired_points"
    }
}
