/// Why a money operation or parse was refused; user input never traps.
public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The result does not fit in 64-bit minor units.
    case overflow
    /// Two amounts in different currencies were combined.
    case currencyMismatch(String, String)
    /// The text is not a plain decimal amount such as `1234.50`.
    case invalidAmount(String)
    /// The text has more fraction digits than the currency allows (`1.234` in EUR).
    case tooManyFractionDigits(String, currency: String, allowed: Int)
    /// A rate, weight list or divisor that cannot be used (empty, negative or all zero).
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .overflow: "amount out of range"
        case .currencyMismatch(let left, let right): "cannot combine \(left) with \(right)"
        case .invalidAmount(let text): "'\(text)' is not a decimal amount like 1234.50"
        case .tooManyFractionDigits(let text, let currency, let allowed):
            "'\(text)' has more than \(allowed) fraction digit\(allowed == 1 ? "" : "s"), the precision of \(currency)"
        case .invalidArgument(let reason): reason
        }
    }
}
