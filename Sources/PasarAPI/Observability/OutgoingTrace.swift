import Instrumentation
import NIOHTTP1

/// The trace headers of an outgoing call (a webhook): the current trace continued in a new span,
/// or a new trace when the call belongs to none (deliveries run after the request that caused them).
enum OutgoingTrace {
    static func add(to headers: inout HTTPHeaders, using instrument: any Instrument) {
        let context = (ServiceContext.current ?? .topLevel).continuingTrace()
        instrument.inject(context, into: &headers, using: HTTPHeadersInjector())
    }
}
