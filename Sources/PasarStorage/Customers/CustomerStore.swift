public import FoundationEssentials
public import PasarCore

/// Customers and the single view support agents get of one: carts, orders, returns, channels.
public protocol CustomerStore: Sendable {
    /// Refuses an email that another customer has (`StorageError.conflict` on `email`).
    func create(_ customer: Customer) async throws -> Customer
    func customer(id: String) async throws -> Customer?
    /// Everything the customer did, from every channel; nil for an unknown customer.
    func overview(customerID: String, limit: Int) async throws -> CustomerOverview?
}

/// A customer: who they are and how to speak to them.
public struct Customer: Sendable, Equatable {
    public let id: String
    public let email: String
    public let name: String
    /// Preferred language (BCP-47).
    public let language: String
    /// Home market code.
    public let market: String
    public let createdAt: Date
    /// When the customer agreed to marketing email (abandoned-cart reminders); nil: no marketing.
    public let marketingConsentAt: Date?
    /// E.164 (`+41791234567`), for finding the customer at the till.
    public let phone: String?

    public init(
        id: String, email: String, name: String, language: String, market: String, createdAt: Date = Date(), marketingConsentAt: Date? = nil,
        phone: String? = nil
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.language = language
        self.market = market
        self.createdAt = createdAt
        self.marketingConsentAt = marketingConsentAt
        self.phone = phone
    }
}

/// One customer's activity across channels, newest first in each list.
public struct CustomerOverview: Sendable {
    public struct CartSummary: Sendable, Equatable {
        public let id: String
        public let market: String
        public let status: String
        public let channels: [String]
        public let lineCount: Int
        public let updatedAt: Date
    }

    public struct ReturnSummary: Sendable, Equatable {
        public let id: String
        public let orderID: String
        public let channel: String
        public let refundMinorUnits: Int64
        public let currency: String
        public let createdAt: Date
    }

    public let customer: Customer
    public let carts: [CartSummary]
    public let orders: [Order]
    public let returns: [ReturnSummary]

    /// Every channel the customer used (carts, orders, returns), sorted.
    public var channels: [String] {
        Set(carts.flatMap(\.channels) + orders.map(\.channel) + returns.map(\.channel)).sorted()
    }
}
