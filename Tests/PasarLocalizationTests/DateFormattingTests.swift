import PasarLocalization
import PasarTestSupport
import Testing

struct DateCase: Codable, Sendable, CustomTestStringConvertible {
    let locale: String
    let timeZone: String
    let skeleton: String
    let millis: Int64
    /// Set for a range: its end.
    let untilMillis: Int64?
    let expected: String

    enum CodingKeys: String, CodingKey {
        case locale, timeZone = "time_zone", skeleton, millis, untilMillis = "until_millis", expected
    }

    var testDescription: String { "\(locale) \(timeZone) \(skeleton) \(millis)" }
}

@Suite("Dates and ranges from ICU skeletons, in a language and a time zone")
struct DateFormattingTests {
    @Test(arguments: Fixtures.decode([DateCase].self, from: "formatting/dates.json"))
    func formatsAsCLDRSays(_ fixture: DateCase) throws {
        let skeleton = try #require(DateFormatting.Skeleton(rawValue: fixture.skeleton))
        let start = DateFormatting.Instant(millisecondsSince1970: fixture.millis)
        let text =
            if let until = fixture.untilMillis {
                try DateFormatting.shared.format(
                    from: start, to: DateFormatting.Instant(millisecondsSince1970: until), skeleton, locale: LocaleTag(fixture.locale),
                    timeZone: fixture.timeZone)
            } else {
                try DateFormatting.shared.format(start, skeleton, locale: LocaleTag(fixture.locale), timeZone: fixture.timeZone)
            }
        #expect(text == fixture.expected, "code points: \(text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))")
    }

    @Test func anUnknownTimeZoneIsAnErrorNotGMT() throws {
        #expect(throws: LocalizationError.unknownTimeZone("Europe/Atlantis")) {
            try DateFormatting.canonicalTimeZone("Europe/Atlantis")
        }
        #expect(try DateFormatting.canonicalTimeZone("Europe/Berlin") == "Europe/Berlin")
    }
}
