/// A way to take a customer's money. Checkout starts a payment when the order is placed; the
/// merchant (or the provider's callback) captures it, which makes the order `paid`; returns refund
/// part of it. Providers are chosen per order by `id`.
public protocol PaymentProvider: Sendable {
    /// Stable id stored on orders (`manual`).
    var id: String { get }
    /// The methods this provider offers (`pay_at_store`, `bank_transfer`).
    var methods: [String] { get }
    /// Starts paying `amount` for order `orderNumber`: a reference and what the customer must do.
    func start(method: String, amount: Money, orderNumber: String) async throws(PaymentError) -> PaymentStart
    /// Confirms the money arrived; returns the reference of the capture.
    func capture(_ payment: PaymentStart, amount: Money) async throws(PaymentError) -> String
    /// Pays `amount` back; returns the refund's reference.
    func refund(_ payment: PaymentStart, amount: Money, returnID: String) async throws(PaymentError) -> String
}

/// A payment as started at checkout; stored on the order.
public struct PaymentStart: Sendable, Equatable, Codable {
    public let provider: String
    public let method: String
    public let reference: String
    /// What the customer does next (`pay at the store`, bank details), as message key and arguments.
    public let instructions: String

    public init(provider: String, method: String, reference: String, instructions: String) {
        self.provider = provider
        self.method = method
        self.reference = reference
        self.instructions = instructions
    }
}

/// Why a payment step failed.
public enum PaymentError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownMethod(String)
    case declined(String)

    public var description: String {
        switch self {
        case .unknownMethod(let method): "the payment method '\(method)' is not offered"
        case .declined(let reason): "the payment was declined: \(reason)"
        }
    }
}
