/// Who is calling, decided once per request from its API key.
public struct Caller: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
        /// A sales channel's key (`web`, `mobile`, `pos`…): storefront routes, as that channel.
        case channel(String)
        /// The merchant's key: admin routes, and customer data for support.
        case admin
        /// No key, on a server started without channel keys (`--demo`): storefront routes only,
        /// the channel taken from the `Pasar-Channel` header.
        case anonymous
    }

    /// The key's name from the configuration (never the key itself); `anonymous` without one.
    public let name: String
    public let role: Role
    /// Set for a publishable channel key: the origins whose pages may use it.
    public let publishableOrigins: Set<String>?
    /// Set for a staff key: the stores (locations) it works at; it may touch no other.
    public let stores: Set<String>?

    public static let anonymous = Caller(name: "anonymous", role: .anonymous)

    public init(name: String, role: Role, publishableOrigins: Set<String>? = nil, stores: Set<String>? = nil) {
        self.name = name
        self.role = role
        self.publishableOrigins = publishableOrigins
        self.stores = stores
    }

    /// The stores of a staff key, for messages: `berlin-mitte, hamburg`.
    var storeList: String { (stores ?? []).sorted().joined(separator: ", ") }

    var isAdmin: Bool { role == .admin }

    /// The channel the key is bound to, if any.
    var channel: String? {
        if case .channel(let channel) = role { return channel }
        return nil
    }
}
