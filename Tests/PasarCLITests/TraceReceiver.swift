import Foundation
import PasarTestSupport

/// `Tests/Webhooks/trace_receiver.py` as a process: a webhook receiver that records the trace
/// headers of every call it gets.
final class TraceReceiver: Sendable {
    struct Call: Decodable {
        let traceparent: String?
        let tracestate: String?
    }

    let process: Process
    /// The receiver's stdin: closing it stops the receiver.
    let input: Pipe
    let port: Int
    private let output: CapturedText

    init() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "\(Fixtures.repositoryRoot)/Tests/Webhooks/trace_receiver.py"]
        let output = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        try ProcessLaunch.run(process)
        // Blocking reads on a thread of their own, as ServerProcess does.
        let text = CapturedText()
        let reader = output.fileHandleForReading
        let firstLine = await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            Thread.detachNewThread {
                var resumed = false
                while true {
                    let data = reader.availableData
                    let all = text.append(String(decoding: data, as: UTF8.self))
                    if !resumed, data.isEmpty || all.contains("\n") {
                        resumed = true
                        continuation.resume(returning: String(all.prefix { $0 != "\n" }))
                    }
                    if data.isEmpty { return }
                }
            }
        }
        guard let port = Int(firstLine) else {
            process.terminate()
            throw ServerProcessError.exited("the trace receiver did not start")
        }
        self.process = process
        self.input = input
        self.port = port
        self.output = text
    }

    var url: String { "http://127.0.0.1:\(port)/hook" }

    /// The calls received so far.
    var calls: [Call] {
        output.value.split(separator: "\n").dropFirst().compactMap { try? JSONDecoder().decode(Call.self, from: Data($0.utf8)) }
    }

    /// Waits until `count` calls arrived, or `seconds` passed; returns the calls.
    func wait(calls count: Int, seconds: Double = 30) async throws -> [Call] {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while calls.count < count, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        return calls
    }

    func stop() {
        try? input.fileHandleForWriting.close()
    }
}
