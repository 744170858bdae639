import Hummingbird

/// Serves the demo pages from a folder under `/demo/`, and nothing else: Hummingbird's
/// `FileMiddleware` refuses every path containing ".." with a bare 400 before it looks at its base
/// path, which would answer API paths such as `/v1/orders/0..0` instead of their routes.
struct DemoPagesMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let basePath = "/demo"
    let files: FileMiddleware<AppRequestContext, LocalFileSystem>

    init(folder: String) {
        files = FileMiddleware(folder, urlBasePath: Self.basePath, searchForIndexHtml: true)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix(Self.basePath + "/") else { return try await next(request, context) }
        return try await files.handle(request, context: context, next: next)
    }
}
