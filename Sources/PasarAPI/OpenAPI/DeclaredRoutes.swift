import Foundation

/// The paths and methods the OpenAPI document declares, to tell a path that exists but not with
/// this method (405 with `Allow`) from one that does not exist (404).
struct DeclaredRoutes: Sendable {
    private struct Route {
        /// Literal segments, nil for a `{parameter}`.
        let segments: [String?]
        let methods: [String]
    }

    private let routes: [Route]

    static let shared = DeclaredRoutes(document: OpenAPIDocument.data)

    init(document: Data) {
        let paths = ((try? JSONSerialization.jsonObject(with: document)) as? [String: Any])?["paths"] as? [String: [String: Any]] ?? [:]
        let verbs = ["get", "put", "post", "delete", "patch"]
        routes = paths.map { path, operations in
            Route(
                segments: path.split(separator: "/").map { $0.hasPrefix("{") ? nil : String($0) },
                methods: verbs.filter { operations[$0] != nil }.map { $0.uppercased() })
        }
    }

    /// The methods `path` answers, in `Allow` order; empty when no declared path matches it.
    func methods(for path: String) -> [String] {
        let segments = path.split(separator: "/")
        let matching = routes.filter { route in
            route.segments.count == segments.count && zip(route.segments, segments).allSatisfy { $0.0 == nil || $0.0! == $0.1 }
        }
        let methods = Set(matching.flatMap(\.methods))
        return ["GET", "POST", "PUT", "PATCH", "DELETE"].filter(methods.contains)
    }
}
