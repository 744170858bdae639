import HTTPTypes
import Hummingbird

/// CORS for the storefront routes, outside every other middleware so that problems (401, 403, 404,
/// 429) carry the headers too and a browser can read why it was refused. An origin not on the list,
/// and every admin route, get no CORS header at all. Preflights are answered here, before
/// authentication: they carry no key. Added only when origins are configured, so servers without
/// browsers pay nothing.
///
/// Hummingbird's `CORSMiddleware` is not used: its preflight answers any origin (without
/// `Access-Control-Allow-Origin`, but with the allowed methods and headers), it sends
/// `Access-Control-Expose-Headers` only on preflights (browsers read it on the actual response),
/// and it cannot leave some routes closed.
struct CrossOriginMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let policy: CrossOriginPolicy

    private static let allowMethods = CrossOriginPolicy.allowedMethods.joined(separator: ", ")
    private static let allowHeaders = CrossOriginPolicy.allowedHeaders.joined(separator: ", ")
    private static let exposeHeaders = CrossOriginPolicy.exposedHeaders.joined(separator: ", ")
    private static let maxAge = String(CrossOriginPolicy.maxAgeSeconds)

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard CrossOriginPolicy.isBrowserRoute(path[...]) else { return try await next(request, context) }
        guard let origin = request.headers[.origin], policy.allows(origin: origin) else {
            var response = try await next(request, context)
            // The answer differs by origin: a shared cache must not hand this one to an allowed origin.
            response.headers[values: .vary].append("Origin")
            return response
        }
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            return Response(
                status: .noContent,
                headers: [
                    .accessControlAllowOrigin: origin, .accessControlAllowMethods: Self.allowMethods,
                    .accessControlAllowHeaders: Self.allowHeaders, .accessControlMaxAge: Self.maxAge, .vary: "Origin",
                ])
        }
        var response = try await next(request, context)
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.accessControlExposeHeaders] = Self.exposeHeaders
        response.headers[values: .vary].append("Origin")
        return response
    }
}
