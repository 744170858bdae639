/// A product's texts in one language, including the names of its options and option values.
public struct ProductTranslation: Codable, Hashable, Sendable {
    public var name: String
    public var description: String
    /// URL-safe identifier, unique per language.
    public var slug: String
    /// Option key → localized option name (`size` → `Größe`).
    public var options: [String: String]
    /// Option value code → localized label (`250g` → `250 g`).
    public var values: [String: String]

    public init(name: String, description: String = "", slug: String, options: [String: String] = [:], values: [String: String] = [:]) {
        self.name = name
        self.description = description
        self.slug = slug
        self.options = options
        self.values = values
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
        slug = try container.decode(String.self, forKey: .slug)
        options = try container.decodeIfPresent([String: String].self, forKey: .options) ?? [:]
        values = try container.decodeIfPresent([String: String].self, forKey: .values) ?? [:]
    }
}
