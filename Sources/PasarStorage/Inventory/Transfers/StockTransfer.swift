public import FoundationEssentials

/// Units moving between two locations of a market: `requested → in_transit → received`, or
/// cancelled. The units leave the source when shipped and arrive when received.
public struct StockTransfer: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case requested
        case inTransit = "in_transit"
        case received
        case cancelled
    }

    public struct Line: Sendable, Equatable {
        public let sku: String
        public let quantity: Int64

        public init(sku: String, quantity: Int64) {
            self.sku = sku
            self.quantity = quantity
        }
    }

    public let id: String
    public let market: String
    public let from: String
    public let to: String
    public let status: Status
    public let lines: [Line]
    public let note: String?
    public let createdBy: String
    public let createdAt: Date
    public let updatedAt: Date
    public let shippedAt: Date?
    public let receivedAt: Date?
}

/// A transfer to request.
public struct NewStockTransfer: Sendable {
    public let id: String
    public let market: String
    public let from: String
    public let to: String
    public let lines: [StockTransfer.Line]
    public let note: String?
    public let actor: String
    public let now: Date

    public init(id: String, market: String, from: String, to: String, lines: [StockTransfer.Line], note: String?, actor: String, now: Date = Date()) {
        self.id = id
        self.market = market
        self.from = from
        self.to = to
        self.lines = lines
        self.note = note
        self.actor = actor
        self.now = now
    }
}
