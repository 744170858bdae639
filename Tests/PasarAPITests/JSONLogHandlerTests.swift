import Foundation
import Logging
import PasarAPI
import Synchronization
import Testing

/// `--log-format json`: every line one JSON object with the fixed fields and the metadata.
@Suite("JSON log lines")
struct JSONLogHandlerTests {
    /// Logs through a `JSONLogHandler` that writes into memory; returns the lines.
    private func lines(_ body: (Logger) -> Void) -> [String] {
        let written = ResultBox<[String]>()
        written.set([])
        var logger = Logger(label: "pasar") { label in
            JSONLogHandler(label: label) { line in written.set((written.get() ?? []) + [line]) }
        }
        logger[metadataKey: "hb.request.id"] = "r-1"
        body(logger)
        return written.get() ?? []
    }

    private func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func aLineHasTheFixedFieldsAndTheMetadata() throws {
        let written = lines { logger in
            logger.info("request", metadata: ["route": "/v1/carts/:cart", "status": .stringConvertible(201), "duration_ms": .stringConvertible(1.25)])
        }
        #expect(written.count == 1 && written[0].hasSuffix("}\n") && written[0].filter { $0 == "\n" }.count == 1)
        let fields = try object(written[0])
        #expect(fields["level"] as? String == "info")
        #expect(fields["message"] as? String == "request")
        #expect(fields["request_id"] as? String == "r-1", "Hummingbird's request id under its own name")
        #expect(fields["route"] as? String == "/v1/carts/:cart")
        #expect(fields["status"] as? Int == 201)
        #expect(fields["duration_ms"] as? Double == 1.25)
        let time = try #require(fields["time"] as? String)
        #expect(time.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil, "\(time)")
    }

    @Test func textIsEscapedAndNestedValuesStayJSON() throws {
        let message = "quote \" backslash \\ newline \n tab \t bell \u{7} ünïcödé 🍵"
        let written = lines { logger in
            logger.error("\(message)", metadata: ["list": ["a", "b"], "map": ["k": "v"], "nan": .stringConvertible(Double.nan)])
        }
        #expect(written.count == 1)
        let fields = try object(written[0])
        #expect(fields["message"] as? String == message)
        #expect(fields["list"] as? [String] == ["a", "b"])
        #expect(fields["map"] as? [String: String] == ["k": "v"])
        #expect(fields["nan"] as? String == "nan", "not a JSON number")
    }
}
