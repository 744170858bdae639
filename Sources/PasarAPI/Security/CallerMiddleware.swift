import HTTPTypes
import Hummingbird
import PasarLocalization

/// Identifies the caller of every `/v1` route from `Authorization: Bearer <API key>` and applies
/// its rate limit. No key: anonymous when the server allows it (demo), else 401; an unknown key:
/// 401. The key is never logged, only the name it was configured under. A publishable key works
/// only from its own origins' pages and this server's own (403 from another page's `Origin`), and is limited per client
/// address: every shopper's browser holds the same key, so one bucket for the key would let one
/// shopper spend everyone's budget.
struct CallerMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let keyring: APIKeyring
    let limiter: RateLimiter?
    let streamTokenKey: [UInt8]
    let metrics: PasarMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let authorization = request.headers[.authorization] {
            guard authorization.hasPrefix("Bearer "), let caller = keyring.caller(presenting: String(authorization.dropFirst(7))) else {
                throw Problem.unknownKey
            }
            if let origins = caller.publishableOrigins, let origin = request.headers[.origin], !origins.contains(origin),
                !Self.isSameOrigin(origin, host: request.head.authority)
            {
                throw Problem.originNotAllowed(origin)
            }
            context.caller = caller
        } else if let streamed = try Self.streamTokenCaller(request, key: streamTokenKey) {
            context.caller = streamed
        } else {
            guard keyring.allowsAnonymous else { throw Problem.missingKey }
            context.caller = .anonymous
        }
        context.logger[metadataKey: "caller"] = "\(context.caller.name)"
        context.facts.channel = context.caller.channel
        if let limiter {
            let bucket = Self.rateBucket(context.caller, address: context.remoteAddress?.ipAddress ?? "unknown")
            if let wait = limiter.retryAfter(for: bucket) {
                metrics.rateLimited.increment()
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

extension CallerMiddleware {
    /// Whose budget a request spends: a secret key's own; per client address for anonymous callers
    /// and for publishable keys, which every shopper's browser holds.
    static func rateBucket(_ caller: Caller, address: String) -> String {
        switch (caller.role, caller.publishableOrigins) {
        case (.anonymous, _): "ip:\(address)"
        case (_, .some): "key:\(caller.name)|ip:\(address)"
        case (_, .none): "key:\(caller.name)"
        }
    }

    /// A page served by this very host (the demo pages): its `Origin` names the host the request
    /// went to. No other site's page can send that, so it is as safe as a listed origin.
    static func isSameOrigin(_ origin: String, host: String?) -> Bool {
        guard let host, let range = origin.range(of: "://") else { return false }
        return origin[range.upperBound...].lowercased() == host.lowercased()
    }

    /// The caller a `stream_token` on a cart's events path acts for; nil when there is none; 401
    /// when it is forged, expired or for another cart.
    static func streamTokenCaller(_ request: Request, key: [UInt8]) throws -> Caller? {
        guard let cartID = CartStreamToken.streamedCartID(path: request.uri.path),
            let text = request.uri.queryParameters[CartStreamToken.queryName[...]]
        else { return nil }
        guard let token = CartStreamToken.verify(String(text), cartID: cartID, key: key) else {
            throw Problem(
                .unauthorized, code: "stream_token_invalid", title: "Invalid stream token",
                detail: "the stream token is not valid for this cart or has expired; ask for a new one", field: CartStreamToken.queryName)
        }
        return token.caller
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
        case .channel where context.caller.stores != nil: throw Problem.otherStore(context.caller)
        case .channel: throw Problem.wrongScope
        }
    }
}
