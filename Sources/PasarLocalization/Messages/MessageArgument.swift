/// A value passed into an ICU MessageFormat pattern.
public enum MessageArgument: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    /// Inserted as written (already formatted amounts, names).
    case text(String)
    /// An exact decimal (`"3"`, `"1.5"`) that `plural`, `selectordinal` and `number` arguments format.
    case number(String)
    /// An instant, for `{name, date, long}` and `{name, time, short}` arguments; shown in UTC.
    case date(millisecondsSince1970: Int64)

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(String(value)) }
}
