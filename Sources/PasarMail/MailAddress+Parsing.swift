extension MailAddress {
    /// Reads `orders@shop.example` or `Shop Name <orders@shop.example>`, as configuration writes a sender.
    public init(parsing text: String) throws(MailFormatError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") else {
            try self.init(trimmed)
            return
        }
        let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        var name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
        try self.init(address, displayName: name.isEmpty ? nil : name)
    }
}
