import Foundation
import Logging
import Synchronization

/// The log of one test server, kept in memory instead of printed: `swift test` then shows only
/// test results, and a test whose server run throws prints what its server logged (from `info` up).
final class ServerLog: Sendable {
    private let lines = Mutex<[String]>([])

    var logger: Logger {
        Logger(label: "test") { label in Handler(label: label, log: self) }
    }

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    /// Every line logged so far.
    var all: [String] { lines.withLock { $0 } }

    /// Prints everything logged so far, for a failing test.
    func dump(because error: any Error) {
        let text = lines.withLock { $0.joined(separator: "\n") }
        print("--- server log of the failing test (\(error)) ---\n\(text)\n--- end of server log ---")
    }

    struct Handler: LogHandler {
        let label: String
        let log: ServerLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            let line = "\(event.level) \(label): \(fields.isEmpty ? "" : fields + " ")\(event.message)"
            log.append(line)
        }
    }
}
