import Foundation
import PasarTestSupport
import Synchronization
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real `pasar serve` whose PostgreSQL server is stopped under cart writes and started again:
/// while it is down every request answers 503 `database_unavailable` with `Retry-After` within
/// about two seconds (no request hangs until its client gives up), `/readyz` answers 503, and once
/// it is back writes succeed again and every write acknowledged before the stop is there. The
/// PostgreSQL server is the test's own (`bench/postgres.sh` with its own folder and port), not the
/// one other suites share. Runs when `PASAR_TEST_POSTGRES_URL` is set, as the other PostgreSQL tests.
@Suite("pasar serve: PostgreSQL stopped and started under cart writes", .serialized, .enabled(if: TestPostgres.isConfigured))
struct DatabaseOutageTests {
    /// A generous bound for "about two seconds" on a loaded two-core machine.
    static let failFastBound = 4.0

    @Test func writesFailFastWhileTheDatabaseIsDownAndNothingAcknowledgedIsLost() async throws {
        let postgres = try await OwnPostgres.start()
        do {
            let server = try await ServerProcess(database: postgres.url)
            do {
                try await exercise(server, postgres)
            } catch {
                await Self.stop(server)
                throw error
            }
            await Self.stop(server)
        } catch {
            await postgres.remove()
            throw error
        }
        await postgres.remove()
    }

    private func exercise(_ server: ServerProcess, _ postgres: OwnPostgres) async throws {
        let sku = "TEA-RIZE-BLACK-250G"
        var carts: [String] = []
        for _ in 0..<4 {
            let created = try await server.request("POST", "/v1/carts", json: ["market": "de"])
            #expect(created.status == 201)
            carts.append(try #require(ServerProcess.object(created.body)["id"] as? String))
        }
        let run = OutageRun()

        try await withThrowingTaskGroup(of: Void.self) { group in
            // One writer per cart, adding one unit at a time for as long as the test runs (bounded).
            for cart in carts {
                group.addTask {
                    var sent = 0
                    while sent < 5000, !run.finished.withLock({ $0 }) {
                        sent += 1
                        let before = run.phase.withLock { $0 }
                        let answer = await Answer.of(server, "POST", "/v1/carts/\(cart)/lines", json: ["sku": sku])
                        let after = run.phase.withLock { $0 }
                        run.attempts.withLock { $0.append(Attempt(cart: cart, started: before, ended: after, answer: answer)) }
                    }
                }
            }
            defer { run.finished.withLock { $0 = true } }

            func count(_ include: (Attempt) -> Bool) -> Int { run.attempts.withLock { $0.filter(include).count } }

            try await poll("20 writes acknowledged before the stop") { count { $0.answer.status == 200 } >= 20 }
            run.phase.withLock { $0 = .stopping }
            try await postgres.stop()
            run.phase.withLock { $0 = .down }

            try await poll("8 writes answered while the database is down") { count { $0.started == .down && $0.ended == .down } >= 8 }
            let ready = await Answer.of(server, "GET", "/readyz")
            #expect(ready.status == 503)
            #expect(ready.code == "database_unavailable")
            #expect(ready.seconds < Self.failFastBound)
            let read = await Answer.of(server, "GET", "/v1/carts/\(carts[0])")
            #expect(read.status == 503)
            #expect(read.code == "database_unavailable")
            #expect(read.retryAfter != nil)
            #expect(read.seconds < Self.failFastBound)

            run.phase.withLock { $0 = .starting }
            try await postgres.restart()
            run.phase.withLock { $0 = .back }
            try await poll("/readyz answers 200 again", within: .seconds(60)) {
                await Answer.of(server, "GET", "/readyz").status == 200
            }
            try await poll("8 writes acknowledged after the restart", within: .seconds(60)) {
                count { $0.started == .back && $0.answer.status == 200 } >= 8
            }
            run.finished.withLock { $0 = true }
            try await group.waitForAll()
        }

        let attempts = run.attempts.withLock { $0 }
        // While the database was down: fast, well-formed refusals only, and counted for operators.
        let down = attempts.filter { $0.started == .down && $0.ended == .down }
        #expect(!down.isEmpty)
        let metrics = String(decoding: try await server.admin("GET", "/metrics").body, as: UTF8.self)
        let unavailable = metrics.split(separator: "\n").first { $0.hasPrefix("pasar_database_unavailable_total ") }
        #expect(unavailable.flatMap { Double($0.split(separator: " ").last ?? "") }.map { $0 >= 1 } == true, "\(metrics)")
        for attempt in down {
            #expect(attempt.answer.status == 503, "\(attempt.answer)")
            #expect(attempt.answer.code == "database_unavailable", "\(attempt.answer)")
            #expect(attempt.answer.retryAfter != nil, "\(attempt.answer)")
            #expect(attempt.answer.seconds < Self.failFastBound, "\(attempt.answer)")
        }
        // Around the stop and the restart too: every request answered, accepted or refused as above.
        for attempt in attempts where attempt.answer.status != 200 {
            #expect(attempt.answer.status == 503 && attempt.answer.code == "database_unavailable", "\(attempt)")
            #expect(attempt.answer.seconds < 2 * Self.failFastBound, "\(attempt)")
        }
        #expect(attempts.contains { $0.started == .up && $0.answer.status == 200 })
        // Every acknowledged unit is in its cart; a refused write may have committed, nothing else did.
        for cart in carts {
            let mine = attempts.filter { $0.cart == cart }
            let acknowledged = mine.filter { $0.answer.status == 200 }.count
            let refused = mine.count - acknowledged
            let body = ServerProcess.object(try await server.request("GET", "/v1/carts/\(cart)").body)
            let quantity = (body["lines"] as? [[String: Any]])?.first?["quantity"] as? Int ?? 0
            #expect(quantity >= acknowledged, "cart \(cart): \(quantity) units, \(acknowledged) acknowledged")
            #expect(quantity <= acknowledged + refused, "cart \(cart): \(quantity) units, \(acknowledged) acknowledged, \(refused) refused")
        }
    }

    /// Asks `condition` again until it holds, failing after `limit`.
    private func poll(_ what: String, within limit: Duration = .seconds(30), _ condition: () async -> Bool) async throws {
        let deadline = ContinuousClock.now + limit
        while !(await condition()) {
            guard ContinuousClock.now < deadline else { throw OutageTestError("timed out waiting until \(what)") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// SIGTERM, and SIGKILL if the process has not ended after 20 seconds.
    private static func stop(_ server: ServerProcess) async {
        server.kill(signal: SIGTERM)
        let deadline = ContinuousClock.now + .seconds(20)
        while server.process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        if server.process.isRunning { server.kill(signal: SIGKILL) }
    }
}

/// What the writers and the test share: where the database stands, whether to stop, what happened.
private final class OutageRun: Sendable {
    let phase = Mutex(Phase.up)
    let finished = Mutex(false)
    let attempts = Mutex<[Attempt]>([])
}

/// Where the database stood when a request started or ended.
private enum Phase: Sendable, Equatable {
    case up, stopping, down, starting, back
}

/// One cart write and its answer.
private struct Attempt: Sendable, CustomStringConvertible {
    let cart: String
    let started: Phase
    let ended: Phase
    let answer: Answer

    var description: String { "\(answer), sent while \(started), answered while \(ended)" }
}

/// A response's status, problem code and `Retry-After`, and how long it took (status 0: no answer).
private struct Answer: Sendable, CustomStringConvertible {
    let status: Int
    let code: String?
    let retryAfter: String?
    let seconds: Double

    static func of(_ server: ServerProcess, _ method: String, _ path: String, json: [String: Any]? = nil) async -> Answer {
        var request = URLRequest(url: URL(string: server.baseURL + path)!)
        request.httpMethod = method
        request.timeoutInterval = 10
        if let json {
            request.httpBody = try? JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let start = ContinuousClock.now
        let result = try? await URLSession.shared.data(for: request)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        guard let (data, response) = result, let http = response as? HTTPURLResponse else {
            return Answer(status: 0, code: nil, retryAfter: nil, seconds: seconds)
        }
        return Answer(
            status: http.statusCode, code: ServerProcess.object(data)["code"] as? String,
            retryAfter: http.value(forHTTPHeaderField: "Retry-After"), seconds: seconds)
    }

    var description: String {
        "\(status) \(code ?? "-") Retry-After: \(retryAfter ?? "-") in \(String(format: "%.2f", seconds)) s"
    }
}

/// A throwaway PostgreSQL server of this test's own: `bench/postgres.sh` in a temporary folder on
/// a free port, so stopping it leaves alone the server that other suites share.
private struct OwnPostgres {
    let directory: String
    let port: Int
    let url: String

    static func start() async throws -> OwnPostgres {
        let directory = "/tmp/pasar-pg-outage-\(UUID().uuidString.prefix(8).lowercased())"
        let port = try freePort()
        let output = try await script("start", directory: directory, port: port)
        guard output.status == 0 else {
            try? FileManager.default.removeItem(atPath: directory)
            throw OutageTestError("bench/postgres.sh start failed: \(output.text)")
        }
        return OwnPostgres(directory: directory, port: port, url: output.text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func stop() async throws {
        let output = try await Self.script("stop", directory: directory, port: port)
        guard output.status == 0 else { throw OutageTestError("bench/postgres.sh stop failed: \(output.text)") }
    }

    func restart() async throws {
        let output = try await Self.script("start", directory: directory, port: port)
        guard output.status == 0 else { throw OutageTestError("bench/postgres.sh start failed: \(output.text)") }
    }

    /// Stops the server and deletes its folder.
    func remove() async {
        _ = try? await Self.script("stop", directory: directory, port: port)
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs `bench/postgres.sh command` with this server's folder and port, on a thread of its own.
    /// It is spawned and waited for directly: Foundation's `Process` on Linux has missed the exit of
    /// this script (whose server outlives it) and waited for ever. The shell closes descriptors beyond
    /// the standard three first, so the server keeps none of the test runner's pipes open.
    private static func script(_ command: String, directory: String, port: Int) async throws -> (status: Int32, text: String) {
        let outputFile = "/tmp/pasar-pg-outage-\(UUID().uuidString).out"
        defer { try? FileManager.default.removeItem(atPath: outputFile) }
        let closeInherited = #"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-" 2>/dev/null; done; "#
        let line = closeInherited + "cd '\(Fixtures.repositoryRoot)' && exec bash bench/postgres.sh \(command) </dev/null >'\(outputFile)' 2>&1"
        let arguments = ["/usr/bin/env", "PASAR_PG_DIR=\(directory)", "PASAR_PG_PORT=\(port)", "/bin/bash", "-c", line]
        let status = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, any Error>) in
            Thread.detachNewThread {
                let argv = arguments.map { strdup($0) } + [nil]
                defer { argv.forEach { free($0) } }
                var pid: pid_t = 0
                let spawned = posix_spawn(&pid, "/usr/bin/env", nil, nil, argv, environ)
                guard spawned == 0 else {
                    continuation.resume(throwing: OutageTestError("posix_spawn failed: \(spawned)"))
                    return
                }
                var status: Int32 = 0
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                // Exited normally: the exit code; killed by a signal: 128 + the signal.
                continuation.resume(returning: status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f))
            }
        }
        let text = (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
        return (status, text)
    }

    /// A loopback TCP port nobody listens on now (the kernel's choice for port 0).
    private static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw OutageTestError("socket() failed") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(socket, address, length) == 0 && getsockname(socket, address, &length) == 0
            }
        }
        guard bound else { throw OutageTestError("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

private struct OutageTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
