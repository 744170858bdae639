internal import CICUShim

/// One opened ICU `UNumberFormatter` for a skeleton and locale.
///
/// `@unchecked Sendable` is safe: ICU documents a `UNumberFormatter` as immutable and shareable between
/// threads as long as each call uses its own `UFormattedNumber`, which `format` opens per call.
final class ICUNumberFormatter: @unchecked Sendable {
    let skeleton: String
    private let formatter: OpaquePointer

    init(skeleton: String, locale: LocaleTag) throws(LocalizationError) {
        var status: Int32 = 0
        let units = skeleton.utf16Units
        guard let formatter = pasar_unumf_open(units, Int32(units.count), locale.icuID, &status),
            pasar_failure(status) == 0
        else { throw .icu("unumf_openForSkeletonAndLocale(\(skeleton))", code: status) }
        self.skeleton = skeleton
        self.formatter = formatter
    }

    deinit { pasar_unumf_close(formatter) }

    /// Formats a plain decimal string (`"-1234.50"`); the digits reach ICU exactly as written.
    func format(decimal: String) throws(LocalizationError) -> String {
        try withFormatted(decimal: decimal) { result throws(LocalizationError) in
            try ICUCall.utf16("unumf_resultToString") { pasar_unumf_result_to_string(result, $0, $1, $2) }
        }
    }

    /// Formats `decimal` and hands the ICU result to `body` (plural rules read it directly).
    func withFormatted<Result>(
        decimal: String, _ body: (OpaquePointer) throws(LocalizationError) -> Result
    ) throws(LocalizationError) -> Result {
        guard DecimalSyntax.isPlainDecimal(decimal) else { throw .invalidNumber(decimal) }
        var status: Int32 = 0
        guard let result = pasar_unumf_open_result(&status) else { throw .icu("unumf_openResult", code: status) }
        defer { pasar_unumf_close_result(result) }
        pasar_unumf_format_decimal(formatter, decimal, Int32(decimal.utf8.count), result, &status)
        try ICUCall.check(status, "unumf_formatDecimal")
        return try body(result)
    }
}

/// The only number syntax Pasar hands to ICU: optional `-`, digits, optional `.digits`.
enum DecimalSyntax {
    static func isPlainDecimal(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let parts = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count <= 2, let integer = parts.first, !integer.isEmpty, integer.count <= 40 else { return false }
        let digits = { (part: Substring.UTF8View.SubSequence) in part.allSatisfy { $0 >= 48 && $0 <= 57 } }
        if parts.count == 2 { return digits(integer) && !parts[1].isEmpty && parts[1].count <= 40 && digits(parts[1]) }
        return digits(integer)
    }
}
