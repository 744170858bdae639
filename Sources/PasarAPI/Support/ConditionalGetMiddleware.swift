import Foundation
import Hummingbird

/// Answers `If-None-Match` with `304 Not Modified` when a 200's `ETag` matches, and marks localized
/// responses (`Content-Language`) as varying by `Accept-Language`, so clients and CDNs revalidate cheaply
/// and never serve one language's body to another.
struct ConditionalGetMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if response.headers[.contentLanguage] != nil, response.headers[.vary] == nil { response.headers[.vary] = "Accept-Language" }
        guard response.status == .ok, let tags = request.headers[.ifNoneMatch], let etag = response.headers[.eTag], Self.matches(tags, etag) else {
            return response
        }
        var headers = response.headers
        headers[.contentType] = nil
        return Response(status: .notModified, headers: headers)
    }

    /// `If-None-Match` holds `*` or a comma-separated list of (possibly weak) entity tags.
    static func matches(_ header: String, _ etag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            let tag = candidate.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }
}
