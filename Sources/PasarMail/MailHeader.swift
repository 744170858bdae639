import Foundation

/// One header field with a validated name and an unstructured value (e.g. `List-Unsubscribe`).
public struct MailHeader: Sendable, Hashable {
    /// The field name, e.g. `List-Unsubscribe-Post`.
    public let name: String
    /// The unencoded value; non-ASCII text is RFC 2047-encoded when rendered.
    public let value: String

    /// RFC 5322 §2.1.1 asks for 78 characters per line, RFC 2047 §2 for 76 on lines with encoded-words;
    /// folding at 76 everywhere satisfies both.
    static let preferredLineLength = 76
    static let maximumLineLength = 998
    /// RFC 2047 §2: an encoded-word is at most 75 characters.
    static let maximumEncodedWordLength = 75

    /// Validates the name (printable ASCII, no colon) and the value (no CR, LF or other control characters).
    public init(name: String, value: String) throws(MailFormatError) {
        guard !name.isEmpty, name.utf8.allSatisfy({ (33...126).contains($0) && $0 != UInt8(ascii: ":") }) else {
            throw .invalidHeaderName(name)
        }
        // Tab is folding whitespace; every other control character, CR and LF above all, would let a value
        // start a header or the body of its own.
        if value.unicodeScalars.contains(where: { $0 != "\t" && $0.properties.generalCategory == .control }) {
            throw .invalidHeaderValue(name: name, reason: "contains CR, LF or another control character")
        }
        self.name = name
        self.value = value
    }

    /// The complete field, encoded and folded, without the final CRLF.
    public var rendered: String {
        Self.folded(name: name, tokens: Self.unstructuredTokens(value, afterName: name))
    }

    /// How an encoded-word carries its bytes.
    enum WordEncoding: String {
        case base64 = "B"
        case quotedPrintable = "Q"
    }

    static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { (32...126).contains($0) || $0 == 9 }
    }

    /// Splits an unstructured value into foldable pieces, switching to encoded-words when it is not plain ASCII.
    static func unstructuredTokens(_ value: String, afterName headerName: String) -> [String] {
        let words = value.split(separator: " ", omittingEmptySubsequences: false)
        let fitsUnencoded = words.allSatisfy { $0.utf8.count < maximumLineLength - 2 }
        // "=?" could be misread as the start of an encoded-word, so such values are encoded too.
        if isPrintableASCII(value), fitsUnencoded, !value.contains("=?") {
            return words.map(String.init)
        }
        let firstWordLimit = firstEncodedWordLimit(afterName: headerName)
        let base64 = encodedWords(value, encoding: .base64, firstWordLimit: firstWordLimit)
        let quoted = encodedWords(value, encoding: .quotedPrintable, firstWordLimit: firstWordLimit)
        // Q keeps mostly-Latin text readable; B is shorter for scripts such as Devanagari or Japanese.
        return quoted.joined().count <= base64.joined().count ? quoted : base64
    }

    /// The longest first encoded-word that fits on the line after `name: ` (75 when it starts a line).
    static func firstEncodedWordLimit(afterName headerName: String?) -> Int {
        guard let headerName else { return maximumEncodedWordLength }
        return min(maximumEncodedWordLength, preferredLineLength - headerName.count - 2)
    }

    /// Encodes `text` as UTF-8 encoded-words of at most 75 characters (the first at most `firstWordLimit`),
    /// never splitting a character between two.
    static func encodedWords(
        _ text: String, encoding: WordEncoding, firstWordLimit: Int = maximumEncodedWordLength
    ) -> [String] {
        let prefix = "=?UTF-8?\(encoding.rawValue)?"
        var words: [String] = []
        var pending: [UInt8] = []
        for character in text {
            let candidate = pending + Array(String(character).utf8)
            let budget = (words.isEmpty ? firstWordLimit : maximumEncodedWordLength) - prefix.count - 2
            if !pending.isEmpty, encodedLength(candidate, encoding) > budget {
                words.append(prefix + encode(pending, encoding) + "?=")
                pending = Array(String(character).utf8)
            } else {
                pending = candidate
            }
        }
        if !pending.isEmpty || words.isEmpty {
            words.append(prefix + encode(pending, encoding) + "?=")
        }
        return words
    }

    /// Joins `tokens` after `name: `, breaking lines before a token that would pass `preferredLineLength`.
    static func folded(name: String, tokens: [String]) -> String {
        var result = "\(name):"
        var lineLength = result.count
        for token in tokens {
            // An empty token stands for a doubled space; breaking there could leave a whitespace-only line.
            if !token.isEmpty, lineLength + 1 + token.count > preferredLineLength, lineLength > name.count + 1 {
                result += "\r\n " + token
                lineLength = 1 + token.count
            } else {
                result += " " + token
                lineLength += 1 + token.count
            }
        }
        return result
    }

    // Characters RFC 2047 §5 allows unencoded in a Q word anywhere; "_" stands for a space.
    private static let quotedWordLiterals = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!*+-/".utf8)

    private static func encodedLength(_ bytes: [UInt8], _ encoding: WordEncoding) -> Int {
        switch encoding {
        case .base64: (bytes.count + 2) / 3 * 4
        case .quotedPrintable:
            bytes.reduce(0) { $0 + (quotedWordLiterals.contains($1) || $1 == 0x20 ? 1 : 3) }
        }
    }

    private static func encode(_ bytes: [UInt8], _ encoding: WordEncoding) -> String {
        switch encoding {
        case .base64:
            return Data(bytes).base64EncodedString()
        case .quotedPrintable:
            var encoded = ""
            for byte in bytes {
                if byte == 0x20 {
                    encoded += "_"
                } else if quotedWordLiterals.contains(byte) {
                    encoded.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    encoded += QuotedPrintable.escape(byte)
                }
            }
            return encoded
        }
    }
}
