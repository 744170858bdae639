import ArgumentParser
import Instrumentation
import Logging
import Metrics
import PasarAPI
import ServiceLifecycle

/// `pasar serve`'s options for operating it: the log format and where Prometheus scrapes metrics.
struct ObservabilityOptions: ParsableArguments {
    /// How log lines are written to standard error.
    enum LogFormat: String, ExpressibleByArgument, CaseIterable {
        /// swift-log's human-readable lines.
        case text
        /// One JSON object per line (`JSONLogHandler`).
        case json
    }

    @Option(help: "Log lines as text (for people) or json (one object per line, for log collectors; default PASAR_LOG_FORMAT, else text).")
    var logFormat: LogFormat?

    @Option(help: "Serve GET /metrics on this port, without a key, instead of on the API's port behind the admin key (default PASAR_METRICS_PORT).")
    var metricsPort: Int?

    @Option(help: "Address of the metrics port (default PASAR_METRICS_HOST, else 127.0.0.1: only this machine can scrape).")
    var metricsHost: String?

    var resolvedLogFormat: LogFormat? { logFormat ?? Environment.value("PASAR_LOG_FORMAT").flatMap(LogFormat.init(rawValue:)) }
    var resolvedMetricsPort: Int? { metricsPort ?? Environment.value("PASAR_METRICS_PORT").flatMap(Int.init) }

    func validate() throws {
        if let text = Environment.value("PASAR_LOG_FORMAT"), logFormat == nil, LogFormat(rawValue: text) == nil {
            throw ValidationError("PASAR_LOG_FORMAT '\(text)' must be text or json")
        }
        if let text = Environment.value("PASAR_METRICS_PORT"), metricsPort == nil, Int(text) == nil {
            throw ValidationError("PASAR_METRICS_PORT '\(text)' must be a port number")
        }
        if let port = resolvedMetricsPort, !(0...65535).contains(port) { throw ValidationError("--metrics-port must be from 0 to 65535") }
    }

    /// Sends every log line to standard error in the chosen format, from `level` up.
    func bootstrapLogging(level: Logger.Level) {
        let format = resolvedLogFormat ?? .text
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler =
                switch format {
                case .text: StreamLogHandler.standardError(label: label)
                case .json: JSONLogHandler(label: label)
                }
            handler.logLevel = level
            return handler
        }
    }

    /// The server's metrics and trace propagation, also made the process-wide ones so that libraries
    /// reporting through swift-metrics or swift-distributed-tracing use them too. Call once.
    func bootstrapMetricsAndTracing() -> (metrics: PasarMetrics, instrument: W3CTraceContextInstrument) {
        let metrics = PasarMetrics(servesOnMainPort: resolvedMetricsPort == nil)
        MetricsSystem.bootstrap(metrics.factory)
        let instrument = W3CTraceContextInstrument()
        InstrumentationSystem.bootstrap(instrument)
        return (metrics, instrument)
    }

    /// The separate metrics server of `--metrics-port`, if one was asked for.
    func metricsServices(_ services: APIServices, logger: Logger) -> [any Service] {
        guard let port = resolvedMetricsPort else { return [] }
        let host = metricsHost ?? Environment.value("PASAR_METRICS_HOST") ?? "127.0.0.1"
        var logger = logger
        logger[metadataKey: "server"] = "metrics"
        return buildMetricsApplication(settings: ServerSettings(host: host, port: port), services: services, logger: logger).map { [$0] } ?? []
    }
}
