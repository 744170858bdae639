internal import CICUShim

/// Reads a number written the way a locale writes it (`1.234,5` in de, `١٬٢٣٤٫٥` in ar-EG)
/// back into an exact decimal string (`"1234.5"`), never through a floating-point value.
public final class NumberParser: Sendable {
    public static let shared = NumberParser()

    private let parsers = ObjectCache<String, LockedICUObject>(limit: 256)

    public init() {}

    /// Parses all of `text`; throws `invalidNumber` if any of it is not part of the number.
    public func parse(_ text: String, locale: LocaleTag) throws(LocalizationError) -> String {
        let units = text.trimmingASCIIWhitespace().utf16Units
        guard !units.isEmpty, units.count <= 100 else { throw .invalidNumber(text) }
        let parser = try parsers.object(for: locale.icuID) { () throws(LocalizationError) in
            var status: Int32 = 0
            guard let format = pasar_unum_open_decimal(locale.icuID, &status), pasar_failure(status) == 0 else {
                throw .icu("unum_open", code: status)
            }
            return LockedICUObject(format) { pasar_unum_close($0) }
        }
        return try parser.withLock { format throws(LocalizationError) in
            var position: Int32 = 0
            var status: Int32 = 0
            var buffer = [CChar](repeating: 0, count: 128)
            let length = pasar_unum_parse_decimal(format, units, Int32(units.count), &position, &buffer, 128, &status)
            guard pasar_failure(status) == 0, Int(position) == units.count, length > 0, length < 128 else {
                throw .invalidNumber(text)
            }
            let parsed = String(decoding: buffer[0..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard let plain = Self.plainDecimal(fromScientific: parsed) else { throw .invalidNumber(text) }
            return plain
        }
    }

    /// ICU reports parsed numbers in decNumber's scientific form (`1.234567891E+6`);
    /// this moves the decimal point instead, exactly: `1234567.891`.
    static func plainDecimal(fromScientific text: String) -> String? {
        let upper = text.uppercased()
        let parts = upper.split(separator: "E", maxSplits: 1)
        guard let mantissa = parts.first, let exponent = parts.count > 1 ? Int(parts[1]) : 0, abs(exponent) <= 400 else {
            return nil
        }
        let negative = mantissa.hasPrefix("-")
        let unsigned = mantissa.drop(while: { $0 == "-" || $0 == "+" })
        let pieces = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = pieces.first.map(String.init) ?? ""
        let fraction = pieces.count > 1 ? String(pieces[1]) : ""
        let digits = integer + fraction
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        // Position of the decimal point within `digits` after applying the exponent.
        let point = integer.count + exponent
        let padded =
            point <= 0
            ? String(repeating: "0", count: 1 - point) + digits
            : digits + String(repeating: "0", count: max(0, point - digits.count))
        let split = max(point, 1)
        var whole = String(padded.prefix(split).drop(while: { $0 == "0" }))
        var decimals = String(padded.dropFirst(split))
        while decimals.hasSuffix("0") { decimals.removeLast() }
        if whole.isEmpty { whole = "0" }
        let sign = negative && (whole != "0" || !decimals.isEmpty) ? "-" : ""
        return sign + whole + (decimals.isEmpty ? "" : "." + decimals)
    }
}
