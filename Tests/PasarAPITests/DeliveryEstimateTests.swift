import Foundation
import PasarLocalization
import PasarTestSupport
import Testing

@testable import PasarAPI

/// One expected delivery window, written out in `Fixtures/formatting/delivery-windows.json`.
private struct ExpectedWindow: Decodable, Sendable {
    let language: String
    let timeZone: String
    let now: String
    let days: [Int]
    let earliest: String
    let latest: String
    let formatted: String

    enum CodingKeys: String, CodingKey {
        case language, now, days, earliest, latest, formatted
        case timeZone = "time_zone"
    }
}

/// Delivery windows count calendar days from today in the market's time zone and read as the
/// language writes a range of days (ICU interval format, weekday, day and month).
@Suite("Delivery windows")
struct DeliveryEstimateTests {
    @Test(arguments: Fixtures.decode([ExpectedWindow].self, from: "formatting/delivery-windows.json"))
    fileprivate func aWindowIsCountedInTheMarketsZoneAndReadInTheLanguage(_ expected: ExpectedWindow) throws {
        let now = try #require(try? Date(expected.now, strategy: .iso8601))
        let window = try #require(
            DeliveryEstimates.shared.window(days: expected.days[0]...expected.days[1], from: now, timeZone: expected.timeZone))
        #expect(window.earliest == expected.earliest && window.latest == expected.latest)
        let view = try DeliveryEstimates.shared.view(window, timeZone: expected.timeZone, language: try LocaleTag(expected.language))
        #expect(view.formatted == expected.formatted, "\(expected.language): \(view.formatted.unicodeScalars.map { String($0.value, radix: 16) })")
    }
}
