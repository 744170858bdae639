/// The DATA payload: RFC 5321 §4.5.2 dot-stuffing plus the `CRLF . CRLF` terminator.
enum SMTPData {
    /// Every line of `message` gets CRLF; a line starting with "." gets a second one, so it cannot end DATA early.
    static func dotStuffed(_ message: String) -> String {
        var lines = message.replacingLineEndings(with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }
        // A message ending in a line break yields an empty last element: that break is the one added below.
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0 + "\r\n" }.joined() + ".\r\n"
    }
}
