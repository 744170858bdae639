import Foundation
import Hummingbird

/// The OpenAPI 3.1 document kept in the repository (`Sources/PasarAPI/openapi.json`), served as is.
public enum OpenAPIDocument {
    /// The document's bytes, read once from the module's resources.
    static let data: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"), let data = try? Data(contentsOf: url) else {
            return Data("{}".utf8)
        }
        return data
    }()

    static func response(request: Request, context: AppRequestContext) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json", .cacheControl: "public, max-age=300"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
