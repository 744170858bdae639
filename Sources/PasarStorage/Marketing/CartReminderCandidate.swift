/// A cart due an abandoned-cart reminder: idle, with lines, never reminded, and an address that
/// consented to marketing.
public struct CartReminderCandidate: Sendable, Equatable {
    public let cartID: String
    public let market: String
    public let customerID: String?
    /// The signed-in customer's preferred language, else the language the cart was used in; nil
    /// when neither is known (the market's default then).
    public let language: String?
}
