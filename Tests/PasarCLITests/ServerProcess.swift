import Foundation
import PasarTestSupport
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real `pasar serve` process on a free port, for tests about the process itself: crashes,
/// restarts and signals. The port is read from the server's "listening" log line.
final class ServerProcess: Sendable {
    let process: Process
    let port: Int
    let database: String
    /// The exit status, once the process ends (Foundation's `waitUntilExit` can crash when called
    /// from a dispatch thread on Linux; its termination handler does not).
    private let exit: AsyncStream<Int32>
    /// What the server wrote to standard error so far (its first MiB).
    private let errorLog: CapturedText

    static let adminKey = "crash-admin-key-0123456789"

    /// Starts the server and returns once it listens.
    /// `environment` adds to (or replaces in) this process's environment.
    init(database: String, extraArguments: [String] = [], environment: [String: String] = [:]) async throws {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["serve", "--demo", "--port", "0", "--db", database, "--rate-limit", "0", "--log-level", "info", "--admin-key", Self.adminKey] + extraArguments
        process.currentDirectoryURL = URL(fileURLWithPath: Fixtures.repositoryRoot)
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let port = Mutex<CheckedContinuation<Int, any Error>?>(nil)
        let text = CapturedText()
        errorLog = text
        let (exit, ended) = AsyncStream.makeStream(of: Int32.self, bufferingPolicy: .bufferingNewest(1))
        process.terminationHandler = { process in
            ended.yield(process.terminationStatus)
            ended.finish()
        }
        self.exit = exit
        try ProcessLaunch.run(process)
        // A thread of its own reads the log to its end with blocking reads (no dispatch source:
        // FileHandle's readability handler has crashed libdispatch on Linux when the child exited),
        // and keeps draining after the port is found, since a full pipe would block the server.
        let log = errors.fileHandleForReading
        self.port = try await withCheckedThrowingContinuation { continuation in
            port.withLock { $0 = continuation }
            Thread.detachNewThread {
                while true {
                    let data = log.availableData
                    let all = text.append(String(decoding: data, as: UTF8.self))
                    let found = Self.apiPort(in: all)
                    if data.isEmpty || found != nil {
                        port.withLock { pending in
                            if let found { pending?.resume(returning: found) } else { pending?.resume(throwing: ServerProcessError.exited(all)) }
                            pending = nil
                        }
                    }
                    if data.isEmpty { return }
                }
            }
        }
        self.process = process
        self.database = database
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Everything the server logged so far.
    var log: String { errorLog.value }

    /// The port of the API's "listening" line (not the `--metrics-port` server's, whose lines say `server=metrics`).
    static func apiPort(in log: String) -> Int? {
        listeningPort(in: log) { !$0.contains("server=metrics") && !$0.contains(#""server":"metrics""#) }
    }

    /// The port of the first complete "listening on HOST:PORT" line that `accept` takes.
    static func listeningPort(in log: String, where accept: (Substring) -> Bool) -> Int? {
        let complete = log[..<(log.lastIndex(of: "\n") ?? log.startIndex)]
        for line in complete.split(separator: "\n", omittingEmptySubsequences: true) where accept(line) {
            guard let range = line.range(of: #"listening on [^\s"]*:(\d+)"#, options: .regularExpression) else { continue }
            if let port = Int(line[range].split(separator: ":").last ?? "") { return port }
        }
        return nil
    }

    /// Sends a request; returns the status and body.
    func request(
        _ method: String, _ path: String, json: [String: Any]? = nil, headers: [String: String] = [:]
    ) async throws -> (status: Int, body: Data) {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        request.timeoutInterval = 10
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// A request with the admin key.
    func admin(_ method: String, _ path: String, json: [String: Any]? = nil) async throws -> (status: Int, body: Data) {
        try await request(method, path, json: json, headers: ["Authorization": "Bearer \(Self.adminKey)"])
    }

    /// The JSON object of a response body.
    static func object(_ body: Data) -> [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }

    func kill(signal: Int32) { Foundation.kill(process.processIdentifier, signal) }

    /// Waits for the process to end and returns its exit status.
    func waitForExit() async -> Int32 {
        for await status in exit { return status }
        return process.terminationStatus
    }
}

enum ServerProcessError: Error {
    case exited(String)
}
