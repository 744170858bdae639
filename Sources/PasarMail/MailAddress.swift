/// A validated mailbox (`local@domain`) with an optional display name.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The bare address, as written in the SMTP envelope (`MAIL FROM:<…>`).
    public let address: String
    /// The human-readable name shown by mail clients, if any.
    public let displayName: String?

    /// RFC 5321 limits: 64 octets of local part, 254 octets of path without the angle brackets.
    static let maximumLocalPartLength = 64
    static let maximumAddressLength = 254
    /// Long enough for any real name, short enough that a pasted document is caught.
    static let maximumDisplayNameLength = 256

    /// Validates `address` and, if given, `displayName`; throws ``MailFormatError`` naming the rule broken.
    public init(_ address: String, displayName: String? = nil) throws(MailFormatError) {
        try Self.validate(address: address)
        if let displayName {
            try Self.validate(displayName: displayName)
        }
        self.address = address
        self.displayName = (displayName?.isEmpty ?? true) ? nil : displayName
    }

    /// The domain part, used for example to build Message-IDs.
    public var domain: Substring {
        address[address.index(after: address.lastIndex(of: "@")!)...]
    }

    /// The header form: `"Name" <a@b>`, `=?UTF-8?B?…?= <a@b>` for non-ASCII names, or `a@b`.
    public var rendered: String {
        headerTokens(afterName: nil).joined(separator: " ")
    }

    public var description: String { rendered }

    /// The rendered form as unbreakable pieces, so a header can fold between them; `headerName` is the field
    /// whose first line this address starts on, if any, so its first encoded-word leaves room for it.
    func headerTokens(afterName headerName: String?) -> [String] {
        guard let displayName else { return [address] }
        if MailHeader.isPrintableASCII(displayName) {
            return [Self.quotedString(displayName), "<\(address)>"]
        }
        // B encoding: Q encoding inside a phrase has extra restrictions that B avoids.
        let words = MailHeader.encodedWords(
            displayName, encoding: .base64, firstWordLimit: MailHeader.firstEncodedWordLimit(afterName: headerName))
        return words + ["<\(address)>"]
    }

    private static func quotedString(_ text: String) -> String {
        var quoted = "\""
        for character in text {
            if character == "\"" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "\""
    }

    // Dot-atom characters of RFC 5322 §3.2.3; quoted local parts are deliberately not supported.
    private static let localPartCharacters = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-.".utf8)
    private static let domainCharacters = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.".utf8)

    private static func validate(address: String) throws(MailFormatError) {
        func fail(_ reason: String) -> MailFormatError { .invalidAddress(address, reason: reason) }

        if address.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) {
            throw fail("contains a line break")
        }
        guard let at = address.utf8.lastIndex(of: UInt8(ascii: "@")) else {
            throw fail("missing @")
        }
        if !address.utf8.allSatisfy({ $0 < 0x80 }) {
            // Non-ASCII mailboxes need SMTPUTF8, which this client does not speak.
            throw fail("non-ASCII addresses are not supported")
        }
        let local = address.utf8[..<at]
        let domain = address.utf8[address.utf8.index(after: at)...]
        if local.isEmpty { throw fail("empty local part") }
        if domain.isEmpty { throw fail("empty domain") }
        if address.utf8.count > maximumAddressLength {
            throw fail("longer than \(maximumAddressLength) characters")
        }
        if local.count > maximumLocalPartLength {
            throw fail("local part longer than \(maximumLocalPartLength) characters")
        }
        if !local.allSatisfy(localPartCharacters.contains) {
            throw fail("local part contains a character outside the dot-atom set")
        }
        if !domain.allSatisfy(domainCharacters.contains) {
            throw fail("domain contains a character other than letters, digits, '-' and '.'")
        }
        for part in [local, domain] {
            let labels = part.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            if labels.contains(where: \.isEmpty) {
                throw fail("starts or ends with a dot, or has two dots in a row")
            }
        }
    }

    private static func validate(displayName: String) throws(MailFormatError) {
        if displayName.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw .invalidDisplayName(reason: "contains a line break or another control character")
        }
        if displayName.count > maximumDisplayNameLength {
            throw .invalidDisplayName(reason: "longer than \(maximumDisplayNameLength) characters")
        }
    }
}
