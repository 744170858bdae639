/// A value bound into a statement shared by both databases.
enum SQLValue: Sendable, Hashable {
    case text(String)
    case integer(Int64)
    case blob([UInt8])

    var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}

/// A piece of SQL with its bound values in the order they appear, written once for both databases:
/// `"pr.market = \(market)"` binds `market`; `\(raw: column)` splices trusted text. A dialect turns
/// the placeholders into `?` (SQLite) or `$n::type` (PostgreSQL) when the statement is complete.
struct SQLFragment: Sendable, Hashable, ExpressibleByStringInterpolation {
    fileprivate(set) var sql: String
    fileprivate(set) var values: [SQLValue]

    /// Marks where a value goes until the dialect renders it.
    fileprivate static let placeholder: Character = "\u{1}"
    fileprivate static let placeholderByte: UInt8 = 1

    init(stringLiteral value: String) {
        sql = value
        values = []
    }

    init(stringInterpolation: Interpolation) {
        sql = stringInterpolation.sql
        values = stringInterpolation.values
    }

    struct Interpolation: StringInterpolationProtocol {
        var sql = ""
        var values: [SQLValue] = []

        init(literalCapacity: Int, interpolationCount: Int) { sql.reserveCapacity(literalCapacity + interpolationCount * 4) }

        mutating func appendLiteral(_ literal: String) { sql += literal }
        mutating func appendInterpolation(_ value: SQLValue) {
            sql.append(SQLFragment.placeholder)
            values.append(value)
        }
        mutating func appendInterpolation(_ text: String) { appendInterpolation(SQLValue.text(text)) }
        mutating func appendInterpolation(_ number: Int64) { appendInterpolation(SQLValue.integer(number)) }
        mutating func appendInterpolation(_ number: Int) { appendInterpolation(SQLValue.integer(Int64(number))) }
        /// A missing value is the SQL literal NULL (no bound value, so no type is needed for it).
        mutating func appendInterpolation(_ text: String?) {
            if let text { appendInterpolation(text) } else { sql += "NULL" }
        }
        mutating func appendInterpolation(_ number: Int64?) {
            if let number { appendInterpolation(number) } else { sql += "NULL" }
        }
        mutating func appendInterpolation(_ fragment: SQLFragment) {
            sql += fragment.sql
            values += fragment.values
        }
        mutating func appendInterpolation(raw text: String) { sql += text }
    }

    static func + (lhs: SQLFragment, rhs: SQLFragment) -> SQLFragment {
        var joined = lhs
        joined.sql += rhs.sql
        joined.values += rhs.values
        return joined
    }

    /// The fragments joined by `separator`.
    static func join(_ fragments: [SQLFragment], separator: String) -> SQLFragment {
        var joined: SQLFragment = ""
        joined.values.reserveCapacity(fragments.reduce(0) { $0 + $1.values.count })
        for (index, fragment) in fragments.enumerated() {
            if index > 0 { joined.sql += separator }
            joined.sql += fragment.sql
            joined.values.append(contentsOf: fragment.values)
        }
        return joined
    }

    /// `?, ?, ?` for a list of values.
    static func list(_ values: [SQLValue]) -> SQLFragment {
        join(values.map { "\($0)" }, separator: ", ")
    }
}

/// The few places the SQL of the two databases differs.
enum SQLDialect: Sendable {
    case sqlite
    case postgres

    /// Text compared bytewise (SQLite's BINARY, PostgreSQL's "C" collation), whatever the
    /// database's default collation, so both give the same order.
    func bytewise(_ column: String) -> String {
        switch self {
        case .sqlite: column
        case .postgres: "\(column) COLLATE \"C\""
        }
    }

    /// True when `needle` occurs in `haystack`.
    func contains(_ haystack: String, _ needle: SQLFragment) -> SQLFragment {
        switch self {
        case .sqlite: "instr(\(raw: haystack), \(needle)) > 0"
        case .postgres: "strpos(\(raw: haystack), \(needle)) > 0"
        }
    }

    /// The SQL text with this dialect's placeholders, and the values in order.
    func render(_ fragment: SQLFragment) -> (sql: String, values: [SQLValue]) {
        var sql: [UInt8] = []
        sql.reserveCapacity(fragment.sql.utf8.count + fragment.values.count * 10)
        var index = 0
        for byte in fragment.sql.utf8 {
            guard byte == SQLFragment.placeholderByte else {
                sql.append(byte)
                continue
            }
            switch self {
            case .sqlite:
                sql.append(UInt8(ascii: "?"))
            case .postgres:
                let type = switch fragment.values[index] {
                case .text: "text"
                case .integer: "int8"
                case .blob: "bytea"
                }
                sql.append(contentsOf: "$\(index + 1)::\(type)".utf8)
            }
            index += 1
        }
        return (String(decoding: sql, as: UTF8.self), fragment.values)
    }
}
