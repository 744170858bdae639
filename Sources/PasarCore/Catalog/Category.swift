/// A catalog category with translated names and slugs; categories nest through `parentID`.
public struct Category: Codable, Hashable, Sendable {
    public var id: String
    public var parentID: String?
    public var position: Int
    public var translations: [String: CategoryTranslation]

    public init(id: String, parentID: String? = nil, position: Int = 0, translations: [String: CategoryTranslation]) {
        self.id = id
        self.parentID = parentID
        self.position = position
        self.translations = translations
    }

    enum CodingKeys: String, CodingKey {
        case id, parentID = "parent", position, translations
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        parentID = try container.decodeIfPresent(String.self, forKey: .parentID)
        position = try container.decodeIfPresent(Int.self, forKey: .position) ?? 0
        translations = try container.decode([String: CategoryTranslation].self, forKey: .translations)
    }
}

/// A category's name and slug in one language.
public struct CategoryTranslation: Codable, Hashable, Sendable {
    public var name: String
    public var slug: String

    public init(name: String, slug: String) {
        self.name = name
        self.slug = slug
    }
}
