import Foundation

/// Just enough RFC 2047 decoding to check round trips: a value made only of UTF-8 encoded-words.
enum EncodedWordDecoder {
    static func decode(_ folded: String) -> String? {
        let unfolded = folded.replacingOccurrences(of: "\r\n ", with: " ")
        var bytes: [UInt8] = []
        for word in unfolded.split(separator: " ") {
            guard word.hasPrefix("=?UTF-8?"), word.hasSuffix("?="), word.count <= 75 else { return nil }
            let encoding = word.dropFirst(8).prefix(1)
            let payload = String(word.dropFirst(10).dropLast(2))
            switch encoding {
            case "B":
                guard let data = Data(base64Encoded: payload) else { return nil }
                bytes += data
            case "Q":
                var scalars = payload.utf8.makeIterator()
                while let byte = scalars.next() {
                    if byte == UInt8(ascii: "_") {
                        bytes.append(0x20)
                    } else if byte == UInt8(ascii: "=") {
                        guard let high = scalars.next(), let low = scalars.next(),
                            let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
                        else { return nil }
                        bytes.append(value)
                    } else {
                        bytes.append(byte)
                    }
                }
            default:
                return nil
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
