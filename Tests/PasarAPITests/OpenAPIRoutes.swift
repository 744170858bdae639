import Foundation
import Hummingbird
import PasarAPI
import PasarTestSupport

/// Routes as "METHOD /path/{param}" from the router and from the OpenAPI document.
enum OpenAPIRoutes {
    static func served(services: APIServices) -> Set<String> {
        Set(buildRouter(services: services).routes.map { route in
            let path = route.path.description.split(separator: "/").map { segment in
                segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
            }
            return "\(route.method.rawValue) /\(path.joined(separator: "/"))"
        })
    }

    static func documented() throws -> Set<String> {
        let url = URL(fileURLWithPath: "\(Fixtures.repositoryRoot)/Sources/PasarAPI/openapi.json")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let paths = document?["paths"] as? [String: [String: Any]] ?? [:]
        var routes = Set<String>()
        for (path, operations) in paths {
            for method in operations.keys where ["get", "put", "post", "patch", "delete"].contains(method) {
                routes.insert("\(method.uppercased()) \(path)")
            }
        }
        return routes
    }
}
