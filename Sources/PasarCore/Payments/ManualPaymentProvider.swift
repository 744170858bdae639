/// Payments settled outside the system: at the store's till (`pay_at_store`) or by bank transfer
/// quoting the order number (`bank_transfer`). Capturing is the merchant confirming the money
/// arrived; refunds are paid back by hand and only recorded.
public struct ManualPaymentProvider: PaymentProvider {
    public let id = "manual"
    public let methods = ["pay_at_store", "bank_transfer"]

    public init() {}

    public func start(method: String, amount: Money, orderNumber: String) async throws(PaymentError) -> PaymentStart {
        guard methods.contains(method) else { throw .unknownMethod(method) }
        let instructions =
            method == "pay_at_store"
            ? "Pay \(amount.decimalString) \(amount.currency.code) at the store when collecting."
            : "Transfer \(amount.decimalString) \(amount.currency.code) quoting \(orderNumber)."
        return PaymentStart(provider: id, method: method, reference: "manual-\(orderNumber)", instructions: instructions)
    }

    public func capture(_ payment: PaymentStart, amount: Money) async throws(PaymentError) -> String {
        "\(payment.reference)-paid"
    }

    public func refund(_ payment: PaymentStart, amount: Money, returnID: String) async throws(PaymentError) -> String {
        "\(payment.reference)-refund-\(returnID)"
    }
}
