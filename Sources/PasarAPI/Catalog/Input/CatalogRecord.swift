/// One line of a catalog file or one admin request body, before validation.
public enum CatalogRecord: Decodable, Sendable {
    case category(CategoryInput)
    case product(ProductInput)
    /// Units received at a location (imports only): `{"type": "stock", "sku": …, "location": …, "quantity": 5}`.
    case stock(StockInput)

    private enum CodingKeys: String, CodingKey { case type }

    public init(from decoder: any Decoder) throws {
        let kind = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .type)
        switch kind {
        case "category": self = .category(try CategoryInput(from: decoder))
        case "product": self = .product(try ProductInput(from: decoder))
        case "stock": self = .stock(try StockInput(from: decoder))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: try decoder.container(keyedBy: CodingKeys.self),
                debugDescription: "type must be 'category', 'product' or 'stock'")
        }
    }
}

/// A stock line of a catalog file.
public struct StockInput: Decodable, Sendable {
    public let sku: String
    public let location: String
    public let quantity: Int64
}
