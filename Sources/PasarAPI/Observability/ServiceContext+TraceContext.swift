import Instrumentation
import W3CTraceContext

extension ServiceContext {
    /// The W3C trace this work belongs to, with the span id this process uses for it.
    var traceContext: TraceContext? {
        get { self[TraceContextKey.self] }
        set { self[TraceContextKey.self] = newValue }
    }

    /// This context's trace continued in a new span of this process (a new span id, the same trace
    /// id, flags and state), or a new unsampled trace when there is none.
    func continuingTrace() -> ServiceContext {
        var context = self
        let parent = traceContext
        context.traceContext = TraceContext(
            traceID: parent?.traceID ?? .random(), spanID: .random(), flags: parent?.flags ?? [], state: parent?.state ?? TraceState())
        return context
    }
}

/// Where a `ServiceContext` keeps its `TraceContext`.
private enum TraceContextKey: ServiceContextKey {
    typealias Value = TraceContext
    static var nameOverride: String? { "w3c-trace-context" }
}
