/// The extensions a server announced in its EHLO reply (none after a HELO fallback).
struct SMTPCapabilities: Sendable, Equatable {
    /// Upper-cased keyword → its parameters, e.g. `AUTH` → `["PLAIN", "LOGIN"]`.
    private let extensions: [String: [String]]

    static let none = SMTPCapabilities(extensions: [:])

    private init(extensions: [String: [String]]) {
        self.extensions = extensions
    }

    /// Reads an EHLO reply; its first line is the greeting, each further line one extension.
    init(ehloReply: SMTPReply) {
        var extensions: [String: [String]] = [:]
        for line in ehloReply.lines.dropFirst() {
            // Some old servers write "AUTH=PLAIN LOGIN"; treat "=" like a space.
            let words = line.replacing("=", with: " ").split(separator: " ").map { $0.uppercased() }
            guard let keyword = words.first else { continue }
            extensions[keyword, default: []] += words.dropFirst()
        }
        self.init(extensions: extensions)
    }

    func supports(_ keyword: String) -> Bool {
        extensions[keyword.uppercased()] != nil
    }

    var authenticationMechanisms: [String] {
        extensions["AUTH"] ?? []
    }
}
