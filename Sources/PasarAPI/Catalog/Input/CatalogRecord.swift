/// One line of a catalog file or one admin request body, before validation.
public enum CatalogRecord: Decodable, Sendable {
    case category(CategoryInput)
    case product(ProductInput)

    private enum CodingKeys: String, CodingKey { case type }

    public init(from decoder: any Decoder) throws {
        let kind = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .type)
        switch kind {
        case "category": self = .category(try CategoryInput(from: decoder))
        case "product": self = .product(try ProductInput(from: decoder))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: try decoder.container(keyedBy: CodingKeys.self),
                debugDescription: "type must be 'category' or 'product'")
        }
    }
}
