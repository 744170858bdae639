import Foundation
import PasarLocalization
import Testing

/// Server code imports Foundation (through Hummingbird) next to the ICU layer; this file is the proof
/// that the two ICUs stay apart: it compiles, and the system ICU's strings come back.
@Test func localizationWorksInAModuleThatImportsFoundation() throws {
    let yen = try NumberFormatting.shared.currency("1234", code: "JPY", locale: LocaleTag("ja-JP"))
    #expect(yen == "￥1,234")
    #expect(!Date.now.description.isEmpty)
}
