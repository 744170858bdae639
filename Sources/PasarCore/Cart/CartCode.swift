/// A short code that opens a shopper's cart at the till: six characters of Crockford's base32 (digits
/// and letters without I, L, O and U, so nothing reads as another character), shown on the phone as
/// `K7Q-9XM` and typed or read out at the POS. It is short-lived and stored beside the cart, so its
/// entropy (2³⁰) only has to outlast its lifetime against callers who hold a secret key.
public struct CartCode: Sendable, Hashable, CustomStringConvertible {
    public static let length = 6
    /// How long a code opens its cart; the storefront asks for a new one after that.
    public static let lifetimeSeconds: Int64 = 30 * 60
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// The six characters, upper case, no separator.
    public let value: String

    /// A fresh random code.
    public static func random() -> CartCode {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<length).map { _ in alphabet[Int(generator.next(upperBound: UInt8(alphabet.count)))] }
        return CartCode(value: String(decoding: bytes, as: UTF8.self))
    }

    /// A code as someone typed it: case, spaces and hyphens do not matter, and the letters people
    /// mistake for digits are read as those digits (O → 0, I and L → 1). Nil when it is not a code.
    public init?(typed: String) {
        var bytes: [UInt8] = []
        for byte in typed.uppercased().utf8 where byte != UInt8(ascii: " ") && byte != UInt8(ascii: "-") {
            switch byte {
            case UInt8(ascii: "O"): bytes.append(UInt8(ascii: "0"))
            case UInt8(ascii: "I"), UInt8(ascii: "L"): bytes.append(UInt8(ascii: "1"))
            case _ where Self.alphabet.contains(byte): bytes.append(byte)
            default: return nil
            }
            if bytes.count > Self.length { return nil }
        }
        guard bytes.count == Self.length else { return nil }
        value = String(decoding: bytes, as: UTF8.self)
    }

    private init(value: String) { self.value = value }

    /// `K7Q-9XM`: two groups of three, easier to read out.
    public var display: String { "\(value.prefix(3))-\(value.suffix(3))" }

    public var description: String { display }
}
