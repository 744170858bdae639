/// One server reply: a three-digit code and its text lines (several for `250-` continuations).
struct SMTPReply: Sendable, Equatable {
    let code: Int
    let lines: [String]

    var text: String { lines.joined(separator: " / ") }
}

/// Assembles replies from raw bytes, handling multi-line (`250-…`) replies and split reads.
struct SMTPReplyParser {
    /// RFC 5321 allows 512 octets per reply line; more is tolerated, a runaway peer is not.
    static let maximumLineLength = 4096
    static let maximumLinesPerReply = 256

    private var pending: [UInt8] = []
    private var lines: [String] = []
    private var code: Int?

    /// Whether bytes or lines of an incomplete reply are waiting.
    var hasPendingInput: Bool { !pending.isEmpty || !lines.isEmpty }

    mutating func append(_ bytes: some Sequence<UInt8>) {
        pending.append(contentsOf: bytes)
    }

    /// The next complete reply, or `nil` when more bytes are needed.
    mutating func nextReply() throws(SMTPError) -> SMTPReply? {
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            var line = pending[..<newline]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            let bytes = Array(line)
            pending.removeSubrange(...newline)
            if let reply = try consume(line: bytes) { return reply }
        }
        if pending.count > Self.maximumLineLength {
            throw .malformedReply("reply line longer than \(Self.maximumLineLength) bytes")
        }
        return nil
    }

    private mutating func consume(line: [UInt8]) throws(SMTPError) -> SMTPReply? {
        let text = String(decoding: line, as: UTF8.self)
        guard line.count >= 3, line.prefix(3).allSatisfy({ (0x30...0x39).contains($0) }),
            let lineCode = Int(String(text.prefix(3))), (200...599).contains(lineCode)
        else {
            throw .malformedReply("expected a reply code, got \(String(reflecting: String(text.prefix(80))))")
        }
        if let code, code != lineCode {
            throw .malformedReply("reply code changed from \(code) to \(lineCode) within one reply")
        }
        let separator = line.count > 3 ? line[3] : UInt8(ascii: " ")
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw .malformedReply("expected a space or '-' after the reply code")
        }
        code = lineCode
        lines.append(String(text.dropFirst(4)))
        if separator == UInt8(ascii: "-") {
            if lines.count > Self.maximumLinesPerReply {
                throw .malformedReply("more than \(Self.maximumLinesPerReply) lines in one reply")
            }
            return nil
        }
        defer {
            lines = []
            code = nil
        }
        return SMTPReply(code: lineCode, lines: lines)
    }
}
