internal import CICUShim

/// Formats ICU MessageFormat patterns with named arguments, plural and select included.
///
/// ```swift
/// try MessageFormatter.shared.format(
///     "{count, plural, one {# item} other {# items}} shipped",
///     locale: LocaleTag("en"), arguments: ["count": 3])          // "3 items shipped"
/// ```
///
/// Compiled patterns are cached per pattern and locale; ICU message formats are not thread-safe,
/// so each one is used under its own lock.
public final class MessageFormatter: Sendable {
    public static let shared = MessageFormatter()

    private struct Key: Hashable, Sendable {
        let pattern: String
        let locale: String
    }

    private let formats = ObjectCache<Key, LockedICUObject>(limit: 2048)

    public init() {}

    public func format(
        _ pattern: String, locale: LocaleTag, arguments: [String: MessageArgument] = [:]
    ) throws(LocalizationError) -> String {
        let compiled = try formats.object(for: Key(pattern: pattern, locale: locale.icuID)) { () throws(LocalizationError) in
            var status: Int32 = 0
            var offset: Int32 = -1
            guard let opened = pasar_msgfmt_open(pattern, locale.icuID, &status, &offset), status <= 0 else {
                throw .invalidPattern(pattern, offset: Int(offset))
            }
            return LockedICUObject(opened) { pasar_msgfmt_close($0) }
        }
        let ordered = arguments.sorted { $0.key < $1.key }
        for case (let name, .number(let value)) in ordered where !DecimalSyntax.isPlainDecimal(value) {
            throw .invalidNumber("\(name)=\(value)")
        }
        let kinds = ordered.map { argument -> Int32 in
            switch argument.value {
            case .text: Int32(PASAR_MSGARG_STRING)
            case .number: Int32(PASAR_MSGARG_DECIMAL)
            case .date: Int32(PASAR_MSGARG_DATE)
            }
        }
        let values = ordered.map { argument -> String in
            switch argument.value {
            case .text(let text), .number(let text): text
            case .date(let milliseconds): String(milliseconds)
            }
        }
        return try compiled.withLock { format throws(LocalizationError) in
            try withCStringArray(ordered.map(\.key)) { names, count throws(LocalizationError) in
                try withCStringArray(values) { valuePointers, _ throws(LocalizationError) in
                    try Self.formatUTF8(format, count, names, kinds, valuePointers)
                }
            }
        }
    }

    private static func formatUTF8(
        _ format: OpaquePointer, _ count: Int32, _ names: UnsafePointer<UnsafePointer<CChar>?>, _ kinds: [Int32],
        _ values: UnsafePointer<UnsafePointer<CChar>?>
    ) throws(LocalizationError) -> String {
        var capacity: Int32 = 256
        while true {
            var status: Int32 = 0
            var buffer = [CChar](repeating: 0, count: Int(capacity))
            let length = pasar_msgfmt_format(format, count, names, kinds, values, &buffer, capacity, &status)
            guard status <= 0 else { throw .icu("MessageFormat.format", code: status) }
            if length > capacity {
                capacity = length
                continue
            }
            return String(decoding: buffer[0..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}
