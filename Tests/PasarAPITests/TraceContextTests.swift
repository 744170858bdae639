import Foundation
import HTTPTypes
import HummingbirdTesting
import Instrumentation
import NIOHTTP1
import Testing

@testable import PasarAPI

/// W3C Trace Context: a request's `traceparent` reaches its log lines as `trace_id`, a request
/// without one (or with a malformed one) gets a trace of its own, and outgoing calls carry one.
@Suite("Trace context")
struct TraceContextTests {
    static let traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
    static let traceParent = "00-\(traceID)-00f067aa0ba902b7-01"
    private static let traceParentName = HTTPField.Name("traceparent")!
    private static let requestID = HTTPField.Name("X-Request-Id")!

    /// The `trace_id` of the request log line of `route`.
    private func loggedTraceIDs(_ log: ServerLog, route: String) -> [String] {
        log.all.filter { $0.contains("route=\(route)") && $0.hasSuffix(" request") }.compactMap { line in
            line.split(separator: " ").first { $0.hasPrefix("trace_id=") }.map { String($0.dropFirst("trace_id=".count)) }
        }
    }

    @Test func aRequestsTraceIdIsLoggedAndItsRequestIdStays() async throws {
        let log = ServerLog()
        try await TestServer(demo: false).run(log: log) { client in
            let response = try await client.execute(uri: "/healthz", method: .get, headers: [Self.traceParentName: Self.traceParent])
            #expect(response.status == .ok)
            let requestID = try #require(response.headers[Self.requestID])
            #expect(!requestID.contains(Self.traceID), "X-Request-Id is this server's, not the trace's")
        }
        #expect(loggedTraceIDs(log, route: "/healthz") == [Self.traceID], "\(log.all)")
    }

    @Test(arguments: [nil, "00-not-a-trace-00f067aa0ba902b7-01", "00-00000000000000000000000000000000-00f067aa0ba902b7-01"])
    func aRequestWithoutAValidTraceparentStartsATrace(_ header: String?) async throws {
        let log = ServerLog()
        try await TestServer(demo: false).run(log: log) { client in
            var headers: HTTPFields = [:]
            if let header { headers[Self.traceParentName] = header }
            let response = try await client.execute(uri: "/healthz", method: .get, headers: headers)
            #expect(response.status == .ok)
        }
        let logged = loggedTraceIDs(log, route: "/healthz")
        #expect(logged.count == 1, "\(log.all)")
        #expect(logged.allSatisfy { $0.count == 32 && $0.allSatisfy(\.isHexDigit) && $0 != String(repeating: "0", count: 32) })
    }

    @Test func outgoingCallsContinueTheCurrentTraceInANewSpan() async throws {
        let instrument = W3CTraceContextInstrument()
        var incoming = ServiceContext.topLevel
        instrument.extract([Self.traceParentName: Self.traceParent] as HTTPFields, into: &incoming, using: HTTPFieldsExtractor())
        var headers = HTTPHeaders()
        ServiceContext.withValue(incoming) { OutgoingTrace.add(to: &headers, using: instrument) }
        let parts = try #require(headers.first(name: "traceparent")).split(separator: "-")
        #expect(parts.count == 4 && parts[0] == "00" && parts[1] == Self.traceID[...] && parts[3] == "01")
        #expect(parts[2].count == 16 && parts[2] != "00f067aa0ba902b7", "a span of this process")
    }

    @Test func outgoingCallsOutsideARequestStartATrace() throws {
        var headers = HTTPHeaders()
        OutgoingTrace.add(to: &headers, using: W3CTraceContextInstrument())
        let value = try #require(headers.first(name: "traceparent"))
        #expect(value.wholeMatch(of: /00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]/) != nil, "\(value)")
    }
}
