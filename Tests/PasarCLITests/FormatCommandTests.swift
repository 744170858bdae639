
import PasarTestSupport
import Testing

struct CLICurrencyCase: Decodable, Sendable, CustomTestStringConvertible {
    let locale: String
    let currency: String
    let amount: String
    let usage: String
    let expected: String
    var testDescription: String { "\(locale) \(currency) \(amount) \(usage)" }
}

/// A slice of the formatting fixture (the locales with the trickiest output), run through the real binary.
let cliCases = Fixtures.decode([CLICurrencyCase].self, from: "formatting/currency.json").filter {
    ["de-CH", "ja-JP", "ar-EG", "hi-IN-u-nu-deva", "pl-PL", "ar-BH"].contains($0.locale)
}

@Suite("pasar format")
struct FormatCommandTests {
    @Test(arguments: cliCases)
    func printsTheFixtureString(_ fixture: CLICurrencyCase) throws {
        var arguments = ["format", "--locale", fixture.locale, "--currency", fixture.currency]
        if fixture.usage == "cash" { arguments.append("--cash") }
        arguments += ["--", fixture.amount]
        let output = try CommandRunner.run(arguments)
        #expect(output.status == 0, "\(output.standardError)")
        #expect(output.standardOutput == fixture.expected + "\n")
    }

    @Test func theDocumentedExample() throws {
        let output = try CommandRunner.run(["format", "--locale", "de-CH", "--currency", "CHF", "1234.5"])
        #expect(output.standardOutput == "CHF\u{00A0}1’234.50\n")
    }

    @Test(arguments: [
        (["--style", "percent", "0.081", "--locale", "de-DE"], "8,1\u{00A0}%"),
        (["--style", "decimal", "1234567.891", "--locale", "fa-IR"], "۱٬۲۳۴٬۵۶۷٫۸۹۱"),
        (["--style", "compact", "12345678", "--locale", "ja-JP"], "1235万"),
        (["--currency", "EUR", "--display", "iso", "5", "--locale", "en-US"], "EUR\u{00A0}5.00"),
        (["--currency", "CHF", "--cash", "--rounding", "up", "10.01", "--locale", "de-CH"], "CHF\u{00A0}10.05"),
    ])
    func formatsStyles(_ arguments: [String], _ expected: String) throws {
        let output = try CommandRunner.run(["format"] + arguments)
        #expect(output.standardOutput == expected + "\n", "\(output.standardError)")
    }

    @Test(arguments: [
        (["--locale", "xx-QQ", "--currency", "EUR", "1"], "'xx-QQ' is not a known locale"),
        (["--locale", "de", "--currency", "ZZZ", "1"], "'ZZZ' is not an ISO 4217 currency code"),
        (["--locale", "de", "--currency", "EUR", "1,5"], "'1,5' is not a number"),
        (["--locale", "de", "1"], ""),
        (["--locale", "de", "--style", "currency", "1"], "--currency is required"),
        (["--locale", "de", "--currency", "EUR", "--rounding", "sideways", "1"], "--rounding must be one of"),
    ])
    func rejectsBadInputClearly(_ arguments: [String], _ message: String) throws {
        let output = try CommandRunner.run(["format"] + arguments)
        if message.isEmpty {
            #expect(output.status == 0, "a plain number without a currency formats as a decimal")
        } else {
            #expect(output.status != 0)
            #expect(output.standardError.contains(message), "\(output.standardError)")
            #expect(output.standardOutput.isEmpty)
        }
    }
}
