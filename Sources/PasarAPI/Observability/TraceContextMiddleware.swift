import Hummingbird
import Instrumentation

/// Takes the caller's W3C `traceparent` (and `tracestate`) through `instrument`, or starts a new
/// trace when there is none or it is malformed; the trace id goes into the request's log metadata
/// (`trace_id`) and the trace into `ServiceContext.current` for the work the request does.
/// `X-Request-Id` stays as it was: the trace links services, the request id one request here.
struct TraceContextMiddleware<Context: RequestContext>: RouterMiddleware {
    let instrument: any Instrument

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var incoming = ServiceContext.current ?? .topLevel
        instrument.extract(request.headers, into: &incoming, using: HTTPFieldsExtractor())
        let traced = incoming.continuingTrace()
        var context = context
        if let trace = traced.traceContext { context.logger[metadataKey: "trace_id"] = .string(trace.traceID.description) }
        return try await ServiceContext.withValue(traced) { try await next(request, context) }
    }
}
