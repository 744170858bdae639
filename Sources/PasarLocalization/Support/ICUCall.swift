internal import CICUShim

/// Helpers that run ICU's "fill this buffer" calls, retrying when the buffer was too small
/// and decoding exactly the returned length.
enum ICUCall {
    /// Calls an ICU function that writes UTF-16 and returns the full length.
    static func utf16(
        _ function: String,
        capacity: Int = 64,
        _ body: (UnsafeMutablePointer<UInt16>, Int32, UnsafeMutablePointer<Int32>) -> Int32
    ) throws(LocalizationError) -> String {
        var capacity = capacity
        while true {
            var status: Int32 = 0
            var buffer = [UInt16](repeating: 0, count: capacity)
            let length = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32(capacity), &status) }
            if pasar_buffer_too_small(status) != 0, Int(length) > capacity {
                capacity = Int(length)
                continue
            }
            if pasar_failure(status) != 0 { throw .icu(function, code: status) }
            return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
        }
    }

    /// Calls an ICU function that writes a NUL-terminated `char` string and returns its length.
    static func chars(
        _ function: String,
        capacity: Int = 64,
        _ body: (UnsafeMutablePointer<CChar>, Int32, UnsafeMutablePointer<Int32>) -> Int32
    ) throws(LocalizationError) -> String {
        var capacity = capacity
        while true {
            var status: Int32 = 0
            var buffer = [CChar](repeating: 0, count: capacity + 1)
            let length = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32(capacity), &status) }
            if pasar_buffer_too_small(status) != 0, Int(length) >= capacity {
                capacity = Int(length) + 1
                continue
            }
            if pasar_failure(status) != 0 { throw .icu(function, code: status) }
            return String(decoding: buffer[0..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    /// Throws when `status` is a failure (warnings are negative codes and pass).
    static func check(_ status: Int32, _ function: String) throws(LocalizationError) {
        if pasar_failure(status) != 0 { throw .icu(function, code: status) }
    }
}

extension String {
    /// The string as UTF-16 code units, the form ICU's C API takes.
    var utf16Units: [UInt16] { Array(utf16) }
}
