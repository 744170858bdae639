/// Where a product page ended, as an opaque string clients pass back: the sort it belongs to, the
/// sort value of the last product (collation key in hex, amount, `score-key` for relevance, or
/// nothing for id) and its id for ties.
public struct ProductCursor: Sendable, Hashable {
    public let sort: ProductSort
    public let key: String
    public let productID: String

    public init(sort: ProductSort, key: String, productID: String) {
        self.sort = sort
        self.key = key
        self.productID = productID
    }

    /// URL-safe text: `v1.<sort>.<key>.<hex of id>`.
    public var token: String { "v1.\(sort.rawValue).\(key).\(Hex.encode(Array(productID.utf8)))" }

    /// Parses a token; nil when it was not made by `token` (tampered, truncated or from another sort).
    public init?(token: String) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, parts[0] == "v1", let sort = ProductSort(rawValue: parts[1]),
            let idBytes = Hex.decode(parts[3]), !idBytes.isEmpty
        else { return nil }
        switch sort {
        case .relevance: guard Self.relevance(parts[2]) != nil else { return nil }
        case .name: guard Hex.decode(parts[2]) != nil else { return nil }
        case .price: guard Int64(parts[2]) != nil else { return nil }
        case .id: guard parts[2].isEmpty else { return nil }
        }
        self.init(sort: sort, key: parts[2], productID: String(decoding: idBytes, as: UTF8.self))
    }
}

extension ProductCursor {
    /// A relevance cursor's score and name sort key.
    static func relevance(_ key: String) -> (score: Int64, sortKey: [UInt8])? {
        let parts = key.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let score = Int64(parts[0]), let sortKey = Hex.decode(String(parts[1])) else { return nil }
        return (score, sortKey)
    }
}

/// Lower-case hexadecimal for cursor parts.
enum Hex {
    static func encode(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0, utf8.count <= 4096 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = value(utf8[index]), let low = value(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
