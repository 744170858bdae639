import Hummingbird
import Foundation
import PasarMarkets
import PasarStorage

/// Stock of one SKU at one location.
struct StockLevelView: ResponseEncodable {
    let location: String
    let kind: String
    let market: String
    let sku: String
    let onHand: Int64
    let reserved: Int64
    let available: Int64

    init(_ level: StockLevel, location: StockLocation) {
        self.location = location.id
        kind = location.kind.rawValue
        market = location.market
        sku = level.sku
        onHand = level.onHand
        reserved = level.reserved
        available = level.available
    }

    enum CodingKeys: String, CodingKey {
        case location, kind, market, sku, reserved, available
        case onHand = "on_hand"
    }
}

struct StockMovementView: Encodable {
    let id: Int64
    let location: String
    let onHandDelta: Int64
    let reservedDelta: Int64
    let reason: String
    let reference: String?
    let note: String?
    let actor: String
    let at: String

    init(_ movement: StockMovement) {
        id = movement.id
        location = movement.location
        onHandDelta = movement.onHandDelta
        reservedDelta = movement.reservedDelta
        reason = movement.reason.rawValue
        reference = movement.reference
        note = movement.note
        actor = movement.actor
        at = movement.at.formatted(.iso8601)
    }

    enum CodingKeys: String, CodingKey {
        case id, location, reason, reference, note, actor, at
        case onHandDelta = "on_hand_delta"
        case reservedDelta = "reserved_delta"
    }
}

struct SKUStockView: ResponseEncodable {
    let sku: String
    let levels: [StockLevelView]
    let movements: [StockMovementView]
}
