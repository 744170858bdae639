import Hummingbird

/// `{"status": "ok"}`: the body of the health routes.
struct StatusView: ResponseEncodable, Sendable {
    let status: String
}
