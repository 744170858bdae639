import Instrumentation
import NIOHTTP1

/// Writes trace headers into an outgoing AsyncHTTPClient request's `HTTPHeaders` for an `Instrument`.
struct HTTPHeadersInjector: Injector {
    func inject(_ value: String, forKey key: String, into headers: inout HTTPHeaders) {
        headers.replaceOrAdd(name: key, value: value)
    }
}
