/// One line of an order as it was sold: amounts fixed at checkout, with the strings they were
/// shown as in the order's language (`formatted["gross"] == "12,50 €"`). Only `returnedQuantity` grows.
public struct OrderLine: Sendable, Equatable {
    /// 1-based position in the order.
    public let number: Int
    public let sku: String
    public let productID: String
    /// The product name in the order's language at checkout.
    public let name: String
    public let quantity: Int64
    public let returnedQuantity: Int64
    /// As listed (gross where prices include tax, net where tax is added).
    public let unitAmount: Money
    /// `unitAmount × quantity`.
    public let amount: Money
    public let discount: Money
    public let taxRate: ExactDecimal
    public let net: Money
    public let tax: Money
    public let gross: Money
    /// Keys `unit_amount`, `amount`, `discount`, `net`, `tax`, `gross`.
    public let formatted: [String: String]

    public init(
        number: Int, sku: String, productID: String, name: String, quantity: Int64, returnedQuantity: Int64 = 0, unitAmount: Money,
        amount: Money, discount: Money, taxRate: ExactDecimal, net: Money, tax: Money, gross: Money, formatted: [String: String]
    ) {
        self.number = number
        self.sku = sku
        self.productID = productID
        self.name = name
        self.quantity = quantity
        self.returnedQuantity = returnedQuantity
        self.unitAmount = unitAmount
        self.amount = amount
        self.discount = discount
        self.taxRate = taxRate
        self.net = net
        self.tax = tax
        self.gross = gross
        self.formatted = formatted
    }

    /// What the line cost, for refunds.
    public func paid(pricesIncludeTax: Bool) -> RefundCalculator.PaidLine {
        RefundCalculator.PaidLine(quantity: quantity, amount: amount, discount: discount, tax: tax, pricesIncludeTax: pricesIncludeTax)
    }
}
