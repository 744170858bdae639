import HTTPTypes
import Hummingbird
import Logging

/// One log line per request when its response is ready: method, route template, status, duration,
/// and the market and channel where known. Paths and queries are not logged: a route template says
/// which route ran without the ids, stream tokens and unsubscribe tokens a path or query can hold.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let channelHeader = HTTPField.Name("Pasar-Channel")!
    let level: Logger.Level

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context: context, status: response.status, since: started)
            return response
        } catch {
            log(request, context: context, status: (error as? any HTTPResponseError)?.status ?? .internalServerError, since: started)
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: HTTPResponse.Status, since started: ContinuousClock.Instant) {
        guard context.logger.logLevel <= level else { return }
        let elapsed = (ContinuousClock.now - started).components
        let milliseconds = Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds / 1_000_000_000_000) / 1000
        var metadata: Logger.Metadata = [
            "method": .string(request.method.rawValue), "route": .string(context.endpointPath ?? "unmatched"),
            "status": .stringConvertible(status.code), "duration_ms": .stringConvertible(milliseconds),
        ]
        if let market = context.parameters.get("market") { metadata["market"] = .string(market) }
        if let channel = context.facts.channel ?? request.headers[Self.channelHeader].map({ String($0.prefix(32)) }) {
            metadata["channel"] = .string(channel)
        }
        context.logger.log(level: level, "request", metadata: metadata)
    }
}
