/// Why a localization call failed; ICU failures become these typed values.
public enum LocalizationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not a well-formed BCP-47 tag, or a language/region ICU does not know.
    case invalidLocale(String)
    /// Not an ISO 4217 code in current use.
    case unknownCurrency(String)
    /// Not a plain decimal number (`-1234.5`), or localized text that does not parse.
    case invalidNumber(String)
    /// A MessageFormat pattern ICU rejected, with the offset it reported.
    case invalidPattern(String, offset: Int)
    /// Not an IANA time zone ICU knows (`Europe/Berlin`).
    case unknownTimeZone(String)
    /// Any other ICU failure: the function and the ICU error code.
    case icu(String, code: Int32)

    public var description: String {
        switch self {
        case .invalidLocale(let tag): "'\(tag)' is not a known locale (expected a BCP-47 tag such as de-CH)"
        case .unknownCurrency(let code): "'\(code)' is not an ISO 4217 currency code in use"
        case .invalidNumber(let text): "'\(text)' is not a number"
        case .invalidPattern(let pattern, let offset): "message pattern is invalid at offset \(offset): \(pattern)"
        case .unknownTimeZone(let zone): "'\(zone)' is not a known time zone (expected an IANA id such as Europe/Berlin)"
        case .icu(let function, let code): "ICU \(function) failed with error \(code)"
        }
    }
}
