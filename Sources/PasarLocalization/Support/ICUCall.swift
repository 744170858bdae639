internal import CICU

/// Helpers that run ICU's "fill this buffer" calls, retrying when the buffer was too small
/// and decoding exactly the returned length.
enum ICUCall {
    /// Calls an ICU function that writes UTF-16 and returns the full length.
    static func utf16(
        _ function: String,
        capacity: Int = 64,
        _ body: (UnsafeMutablePointer<UChar>, Int32, UnsafeMutablePointer<UErrorCode>) -> Int32
    ) throws(LocalizationError) -> String {
        var capacity = capacity
        while true {
            var status = U_ZERO_ERROR
            var buffer = [UChar](repeating: 0, count: capacity)
            let length = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32(capacity), &status) }
            if status == U_BUFFER_OVERFLOW_ERROR, Int(length) > capacity {
                capacity = Int(length)
                continue
            }
            if pasar_failure(status) != 0 { throw .icu(function, code: status.rawValue) }
            return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
        }
    }

    /// Calls an ICU function that writes a NUL-terminated `char` string and returns its length.
    static func chars(
        _ function: String,
        capacity: Int = 64,
        _ body: (UnsafeMutablePointer<CChar>, Int32, UnsafeMutablePointer<UErrorCode>) -> Int32
    ) throws(LocalizationError) -> String {
        var capacity = capacity
        while true {
            var status = U_ZERO_ERROR
            var buffer = [CChar](repeating: 0, count: capacity + 1)
            let length = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32(capacity), &status) }
            if status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING, Int(length) >= capacity {
                capacity = Int(length) + 1
                continue
            }
            if pasar_failure(status) != 0 { throw .icu(function, code: status.rawValue) }
            return String(decoding: buffer[0..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    /// Throws when `status` is a failure (warnings are negative codes and pass).
    static func check(_ status: UErrorCode, _ function: String) throws(LocalizationError) {
        if pasar_failure(status) != 0 { throw .icu(function, code: status.rawValue) }
    }
}

extension String {
    /// The string as UTF-16 code units, the form ICU's C API takes.
    var utf16Units: [UChar] { Array(utf16) }
}
