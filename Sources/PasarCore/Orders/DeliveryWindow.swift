/// The days a parcel is expected, as calendar dates in the market's time zone (`2026-12-08`): the
/// shipping method's estimate counted from the day the order was placed.
public struct DeliveryWindow: Sendable, Equatable, Codable {
    public let earliest: String
    public let latest: String

    public init(earliest: String, latest: String) {
        self.earliest = earliest
        self.latest = latest
    }
}
