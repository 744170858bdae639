import HTTPTypes
import Hummingbird
import PasarLocalization

/// Identifies the caller of every `/v1` route from `Authorization: Bearer <API key>` and applies
/// its rate limit. No key: anonymous when the server allows it (demo), else 401; an unknown key:
/// 401. The key is never logged, only the name it was configured under.
struct CallerMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let keyring: APIKeyring
    let limiter: RateLimiter?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let authorization = request.headers[.authorization] {
            guard authorization.hasPrefix("Bearer "), let caller = keyring.caller(presenting: String(authorization.dropFirst(7))) else {
                throw Problem.unknownKey
            }
            context.caller = caller
        } else {
            guard keyring.allowsAnonymous else { throw Problem.missingKey }
            context.caller = .anonymous
        }
        context.logger[metadataKey: "caller"] = "\(context.caller.name)"
        if let limiter {
            let bucket = context.caller.role == .anonymous ? "ip:\(context.remoteAddress?.ipAddress ?? "unknown")" : "key:\(context.caller.name)"
            if let wait = limiter.retryAfter(for: bucket) {
                var problem = Problem(
                    .tooManyRequests, code: "rate_limited", title: "Too many requests",
                    detail: "this caller may make \(Int(limiter.perSecond)) requests per second (bursts of \(Int(limiter.burst))); retry in \(wait) s")
                problem.headers[.retryAfter] = String(wait)
                problem.message = ("problem_rate_limited", ["seconds": .number(String(wait))])
                throw problem
            }
        }
        return try await next(request, context)
    }
}

/// Admin routes: the admin key only. A channel key gets 403 (wrong scope); no key gets 401.
struct AdminOnlyMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let keyring: APIKeyring

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard keyring.hasAdminKey else { throw Problem.adminDisabled }
        switch context.caller.role {
        case .admin: return try await next(request, context)
        case .anonymous: throw Problem.missingAdminKey
        case .channel: throw Problem.wrongScope
        }
    }
}
