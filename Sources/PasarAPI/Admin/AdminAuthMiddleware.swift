import Hummingbird

/// Guards admin routes: no configured key → 403 for everyone; a missing bearer token → 401;
/// a wrong one → 403. The key itself is never logged.
struct AdminAuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let key: AdminKey?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let key else { throw Problem.adminDisabled }
        guard let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") else {
            throw Problem.missingAdminKey
        }
        guard key.matches(String(authorization.dropFirst("Bearer ".count))) else { throw Problem.wrongAdminKey }
        return try await next(request, context)
    }
}
