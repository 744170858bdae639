import Foundation
import PasarTestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `Tests/Webhooks/receiver.py` as a process: a real HTTP receiver that verifies every delivery's
/// Standard Webhooks signature and can fail or hold requests on purpose.
final class WebhookReceiver: Sendable {
    struct Request: Decodable {
        let id: String?
        let timestamp: String?
        let signatures: Int
        let verified: Bool
        let answered: Int
        let type: String?
        let resource_sequence: Int?
        let order_status: String?
        let formatted: String?
        let error: String?
    }

    let process: Process
    /// The receiver's stdin: closing it stops the receiver, whatever launched it.
    let input: Pipe
    let port: Int

    init(_ arguments: [String] = []) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "\(Fixtures.repositoryRoot)/Tests/Webhooks/receiver.py"] + arguments
        let output = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        try ProcessLaunch.run(process)
        // The first line is the port, written once the receiver listens. The blocking reads run on a
        // thread of their own, as ServerProcess does, so that no test's cooperative thread waits on them.
        let reader = output.fileHandleForReading
        let line = await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            Thread.detachNewThread {
                var line = Data()
                while let byte = try? reader.read(upToCount: 1), let first = byte.first, first != 10 { line.append(first) }
                continuation.resume(returning: String(decoding: line, as: UTF8.self))
            }
        }
        guard let port = Int(line) else {
            process.terminate()
            throw ServerProcessError.exited("the webhook receiver did not start")
        }
        self.process = process
        self.input = input
        self.port = port
    }

    var url: String { "http://127.0.0.1:\(port)/hook" }

    func setSecret(_ secret: String) async throws {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/secret")!)
        request.httpMethod = "PUT"
        request.httpBody = Data(secret.utf8)
        _ = try await URLSession.shared.data(for: request)
    }

    /// Every request so far, once `delivered` were acknowledged and `received` arrived (nil after `timeout`).
    func wait(delivered: Int = 0, received: Int = 0, timeout: Int = 60) async throws -> [Request]? {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/wait?delivered=\(delivered)&received=\(received)&timeout=\(timeout)")!)
        request.timeoutInterval = TimeInterval(timeout + 10)
        let (data, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else { return nil }
        return try JSONDecoder().decode([Request].self, from: data)
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.terminate()
    }
}
