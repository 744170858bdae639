/// A phone number in E.164 form (`+41791234567`): a plus, a country code and at most 15 digits
/// in all. Spaces, hyphens, dots and parentheses people type are dropped first.
///
/// ```swift
/// PhoneNumber("+41 79 123 45 67")?.e164   // "+41791234567"
/// PhoneNumber("079 123 45 67")            // nil: no country code
/// ```
public struct PhoneNumber: Sendable, Hashable {
    public let e164: String

    public init?(_ text: String) {
        let kept = text.filter { !" -.()\u{A0}".contains($0) }
        let digits = kept.dropFirst()
        guard kept.first == "+", (8...15).contains(digits.count), digits.first != "0", digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        e164 = kept
    }
}
