import Hummingbird
/// A category in the response language.
struct CategoryView: Encodable, Sendable {
    let id: String
    let parent: String?
    let position: Int
    let name: String
    let slug: String
    let language: String
}

struct CategoryListView: ResponseEncodable, Sendable {
    let market: String
    let language: String
    let items: [CategoryView]
}
