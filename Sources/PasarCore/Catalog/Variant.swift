/// One purchasable version of a product, identified by its SKU (`TEA-RIZE-250`, size 250 g).
public struct Variant: Codable, Hashable, Sendable {
    public var sku: String
    /// Option key → value code (`size` → `250g`).
    public var options: [String: String]

    public init(sku: String, options: [String: String] = [:]) {
        self.sku = sku
        self.options = options
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sku = try container.decode(String.self, forKey: .sku)
        options = try container.decodeIfPresent([String: String].self, forKey: .options) ?? [:]
    }
}
