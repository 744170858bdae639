/// `{"points": 500}`: the loyalty points a cart redeems at checkout.
struct RedeemPointsInput: Decodable {
    let points: Int64

    /// The most points one cart may redeem.
    static let maximum: Int64 = 100_000_000
}
