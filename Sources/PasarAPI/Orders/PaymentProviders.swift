public import PasarCore

/// The payment providers an order may use, by id; checkout names one (default `manual`).
public struct PaymentProviders: Sendable {
    private let providers: [String: any PaymentProvider]
    public let defaultProvider: String

    public init(_ providers: [any PaymentProvider], defaultProvider: String) {
        self.providers = Dictionary(providers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.defaultProvider = defaultProvider
    }

    /// The `manual` provider alone: pay at the store or by bank transfer.
    public static let standard = PaymentProviders([ManualPaymentProvider()], defaultProvider: "manual")

    public func provider(_ id: String) -> (any PaymentProvider)? { providers[id] }

    public var ids: [String] { providers.keys.sorted() }
}
