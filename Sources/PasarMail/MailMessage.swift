public import Foundation

/// A transactional e-mail: sender, recipients, subject, a plain-text body and an optional HTML alternative.
public struct MailMessage: Sendable {
    /// The author, used for the `From` header and the SMTP envelope sender.
    public let from: MailAddress
    /// The recipients, one or more; each gets its own `RCPT TO`.
    public let to: [MailAddress]
    /// The subject, RFC 2047-encoded when rendered if it is not ASCII.
    public let subject: String
    /// The text/plain body, always present so every client can show something.
    public let plainText: String
    /// The text/html alternative, if any.
    public let html: String?
    /// Further headers such as `List-Unsubscribe` and `List-Unsubscribe-Post`.
    public let extraHeaders: [MailHeader]
    /// The `Message-ID`, angle brackets included.
    public let messageID: String
    /// The `Date`; `nil` means the moment the message is rendered.
    public let date: Date?

    /// Headers the message writes itself; accepting them as extra headers would produce duplicates.
    static let reservedHeaderNames: Set<String> = [
        "from", "to", "cc", "bcc", "subject", "date", "message-id", "mime-version",
        "content-type", "content-transfer-encoding",
    ]

    /// Validates the parts and generates a Message-ID `<random@domain-of-from>` when none is given.
    public init(
        from: MailAddress,
        to: [MailAddress],
        subject: String,
        plainText: String,
        html: String? = nil,
        extraHeaders: [MailHeader] = [],
        messageID: String? = nil,
        date: Date? = nil
    ) throws(MailFormatError) {
        guard !to.isEmpty else { throw .noRecipients }
        if let reserved = extraHeaders.first(where: { Self.reservedHeaderNames.contains($0.name.lowercased()) }) {
            throw .reservedHeader(reserved.name)
        }
        // Validates the subject like any other header value, so CR/LF cannot inject headers.
        _ = try MailHeader(name: "Subject", value: subject)
        self.from = from
        self.to = to
        self.subject = subject
        self.plainText = plainText
        self.html = html
        self.extraHeaders = extraHeaders
        self.messageID = try messageID.map(Self.normalizedMessageID) ?? "<\(RandomToken.hex())@\(from.domain)>"
        self.date = date
    }

    /// The complete RFC 5322 message with CRLF line endings; `date` is used when the message has none of its own.
    public func rendered(date fallbackDate: Date = Date()) -> String {
        let bodies = [("text/plain", plainText)] + (html.map { [("text/html", $0)] } ?? [])
        let encodedBodies = bodies.map { (type: $0.0, content: QuotedPrintable.encode($0.1)) }
        var lines = [
            "Date: " + RFC5322Date.string(from: date ?? fallbackDate),
            MailHeader.folded(name: "From", tokens: from.headerTokens(afterName: "From")),
            MailHeader.folded(name: "To", tokens: Self.addressListTokens(to)),
            MailHeader.folded(name: "Subject", tokens: MailHeader.unstructuredTokens(subject, afterName: "Subject")),
            "Message-ID: " + messageID,
            "MIME-Version: 1.0",
        ]
        lines += extraHeaders.map(\.rendered)

        if encodedBodies.count == 1 {
            lines += Self.partHeaders(type: encodedBodies[0].type) + ["", encodedBodies[0].content]
        } else {
            let boundary = Self.boundary(absentFrom: encodedBodies.map(\.content))
            lines.append(MailHeader.folded(name: "Content-Type", tokens: ["multipart/alternative;", "boundary=\"\(boundary)\""]))
            lines.append("")
            for body in encodedBodies {
                lines += ["--" + boundary] + Self.partHeaders(type: body.type) + ["", body.content]
            }
            lines.append("--\(boundary)--")
        }
        let message = lines.joined(separator: "\r\n")
        // A body that already ends with a line break must not gain an empty line.
        return message.hasSuffix("\r\n") ? message : message + "\r\n"
    }

    private static func partHeaders(type: String) -> [String] {
        ["Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: quoted-printable"]
    }

    /// A random boundary; "=_" can never occur in quoted-printable output, and the check makes sure of it.
    private static func boundary(absentFrom contents: [String]) -> String {
        while true {
            let candidate = "=_Pasar_" + RandomToken.hex()
            if !contents.contains(where: { $0.contains(candidate) }) { return candidate }
        }
    }

    /// Addresses separated by commas, each kept whole so folding happens between them.
    private static func addressListTokens(_ addresses: [MailAddress]) -> [String] {
        addresses.enumerated().flatMap { index, address in
            // Only the first address shares its line with "To:"; later ones may start a line of their own.
            var tokens = address.headerTokens(afterName: index == 0 ? "To" : nil)
            if index < addresses.count - 1 { tokens[tokens.count - 1] += "," }
            return tokens
        }
    }

    private static func normalizedMessageID(_ messageID: String) throws(MailFormatError) -> String {
        let bare = messageID.hasPrefix("<") && messageID.hasSuffix(">") && messageID.count > 2
            ? String(messageID.dropFirst().dropLast()) : messageID
        let parts = bare.split(separator: "@", omittingEmptySubsequences: false)
        let isPrintable = bare.utf8.allSatisfy { (33...126).contains($0) && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, isPrintable, bare.utf8.count <= 250 else {
            throw .invalidMessageID(messageID)
        }
        return "<\(bare)>"
    }
}
