public import Instrumentation
import W3CTraceContext

/// Carries W3C Trace Context (`traceparent`, `tracestate`) between HTTP headers and a
/// `ServiceContext`: extracted from requests, injected into outgoing calls (webhooks). A malformed
/// `traceparent` is ignored, as the W3C recommendation says, and a new trace starts.
public struct W3CTraceContextInstrument: Instrument {
    static let traceParent = "traceparent"
    static let traceState = "tracestate"

    public init() {}

    public func extract<Carrier, Extract>(_ carrier: Carrier, into context: inout ServiceContext, using extractor: Extract)
    where Extract: Extractor, Extract.Carrier == Carrier {
        guard let parent = extractor.extract(key: Self.traceParent, from: carrier),
            let trace = try? TraceContext(traceParentHeaderValue: parent, traceStateHeaderValue: extractor.extract(key: Self.traceState, from: carrier))
        else { return }
        context.traceContext = trace
    }

    public func inject<Carrier, Inject>(_ context: ServiceContext, into carrier: inout Carrier, using injector: Inject)
    where Inject: Injector, Inject.Carrier == Carrier {
        guard let trace = context.traceContext else { return }
        injector.inject(trace.traceParentHeaderValue, forKey: Self.traceParent, into: &carrier)
        if let state = trace.traceStateHeaderValue { injector.inject(state, forKey: Self.traceState, into: &carrier) }
    }
}
