public import Logging

/// `--log-format json`: one JSON object per line, for log collectors. Fixed fields first (`time`
/// in UTC with milliseconds, `level`, `label`, `message`), then the metadata: the request's
/// `request_id`, `trace_id`, `route`, `status`, `duration_ms`, `market`, `channel` where known.
/// Numbers stay numbers; everything else is a string, an array or an object.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let output: @Sendable (String) -> Void

    /// Metadata keys renamed in the output: Hummingbird's request id is the `X-Request-Id` header.
    static let renamed = ["hb.request.id": "request_id"]

    /// Lines go to `output` (standard error by default), each a complete JSON object with its newline.
    public init(label: String, output: @escaping @Sendable (String) -> Void = StandardError.write) {
        self.label = label
        self.output = output
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { $1 } }
        if let given = event.metadata { all.merge(given) { $1 } }
        var json = JSONBytes(capacity: 512)
        json.object { json in
            json.key("time")
            json.string(UTCTimestamp.now())
            json.key("level")
            json.string(event.level.rawValue)
            json.key("label")
            json.string(label)
            json.key("message")
            json.string("\(event.message)")
            for (key, value) in all.map({ (Self.renamed[$0.key] ?? $0.key, $0.value) }).sorted(by: { $0.0 < $1.0 }) {
                json.key(named: key)
                json.metadata(value)
            }
        }
        output(String(decoding: json.bytes, as: UTF8.self) + "\n")
    }
}
