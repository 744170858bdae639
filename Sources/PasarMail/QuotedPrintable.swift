/// RFC 2045 §6.7 quoted-printable body encoding, used so every body line stays short and 7-bit.
enum QuotedPrintable {
    /// RFC 2045 limits encoded lines to 76 characters, soft line break included.
    static let maximumLineLength = 76

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// `=XX` with upper-case hex digits, as RFC 2045 requires.
    static func escape(_ byte: UInt8) -> String {
        String(decoding: [UInt8(ascii: "="), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]], as: UTF8.self)
    }

    /// Encodes `text` as UTF-8; any line ending (LF, CR or CRLF) becomes CRLF.
    static func encode(_ text: String) -> String {
        let normalized = text.replacingLineEndings(with: "\n")
        return normalized
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { encodeLine(Array($0.utf8)) }
            .joined(separator: "\r\n")
    }

    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var lines: [String] = []
        var current = ""
        for (offset, byte) in bytes.enumerated() {
            let isLast = offset == bytes.count - 1
            let piece: String
            switch byte {
            case 0x20, 0x09:
                // Trailing whitespace is stripped by some transports, so it is encoded at the end of a line.
                piece = isLast ? escape(byte) : String(Unicode.Scalar(byte))
            case 33...126 where byte != UInt8(ascii: "="):
                piece = String(Unicode.Scalar(byte))
            default:
                piece = escape(byte)
            }
            // Keep room for the "=" of a soft line break unless this is the line's last piece.
            let limit = isLast ? maximumLineLength : maximumLineLength - 1
            if current.utf8.count + piece.utf8.count > limit {
                lines.append(current + "=")
                current = ""
            }
            current += piece
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }
}

extension String {
    /// Replaces CRLF, CR and LF line endings with `ending`.
    func replacingLineEndings(with ending: String) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var scalars = unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if scalar == "\r" {
                result += ending
                if pending == "\n" { pending = scalars.next() }
            } else if scalar == "\n" {
                result += ending
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
