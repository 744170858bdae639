public import Hummingbird
import HTTPTypes
import Logging
import PasarLocalization
import PasarMarkets
import PasarStorage

/// The outermost middleware: every response carries `X-Request-Id`, and every error a route throws
/// becomes problem+json — problems pass through, Hummingbird's own errors (unknown route, body too
/// large) keep their status, storage refusals become 4xx, and anything unexpected becomes a 500
/// that shows only the request id; details go to the log.
public struct ProblemMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    let messages: MessageCatalog
    let languages: LanguageResolver
    /// Counts the refusals operators watch (`PasarMetrics.problemAnswered`).
    let metrics: PasarMetrics
    private let offered: [LocaleTag]

    init(messages: MessageCatalog, languages: LanguageResolver, metrics: PasarMetrics = .off) {
        self.messages = messages
        self.languages = languages
        self.metrics = metrics
        // English first: it answers a request that names no language the catalog speaks.
        offered = messages.languages.compactMap { try? LocaleTag($0) }.sorted { $0.identifier == "en" && $1.identifier != "en" }
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let problem = methodNotAllowed(error, request: request) ?? problem(for: error, context: context)
            metrics.problemAnswered(code: problem.code)
            let (detail, language) = localizedDetail(of: problem, request: request)
            response = try problem.response(from: request, detail: detail, language: language)
        }
        response.headers[.requestID] = context.id
        return response
    }

    /// The problem's catalog message in the request's language (`?lang=`, else `Accept-Language`,
    /// negotiated among the catalog's languages), or its English detail when it has none.
    func localizedDetail(of problem: Problem, request: Request) -> (detail: String, language: String?) {
        guard let message = problem.message, !offered.isEmpty,
            let language = try? languages.language(offered: offered, marketCode: "messages", request: request),
            let text = try? messages.format(message.key, language: language, arguments: message.arguments)
        else { return (problem.detail, nil) }
        return (text, language.identifier)
    }

    /// 405 with `Allow` for the router's 404 on a declared path asked with another method
    /// (`OPTIONS` stays for CORS preflights); nil for any other error.
    func methodNotAllowed(_ error: any Error, request: Request) -> Problem? {
        guard let error = error as? HTTPError, error.status == .notFound, request.method != .options else { return nil }
        let allowed = DeclaredRoutes.shared.methods(for: request.uri.path)
        // A declared method that is not served here (`/metrics` under `--metrics-port`) is a plain 404.
        guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { return nil }
        var problem = Problem(
            .methodNotAllowed, code: "method_not_allowed", title: "Method not allowed",
            detail: "\(request.uri.path) answers \(allowed.joined(separator: ", ")), not \(request.method.rawValue)")
        problem.headers[.allow] = allowed.joined(separator: ", ")
        return problem
    }

    func problem(for error: any Error, context: Context) -> Problem {
        if DatabaseUnavailable.describes(error) {
            context.logger.warning("database unavailable", metadata: ["error": "\(String(reflecting: error))"])
        }
        if let problem = Problem.known(error) { return problem }
        context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))"])
        return Problem(
            .internalServerError, code: "internal", title: "Internal error",
            detail: "the request failed; quote request id \(context.id) to support")
    }
}

extension HTTPField.Name {
    static let requestID = Self("X-Request-Id")!
}
