/// Random hex strings for Message-IDs and MIME boundaries, from the system's secure generator.
enum RandomToken {
    static func hex(byteCount: Int = 16) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<byteCount).map { _ in
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }
}
