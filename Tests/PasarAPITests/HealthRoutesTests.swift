import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// What load balancers ask: is the process up (`/healthz`), can it serve (`/readyz`).
struct HealthRoutesTests {
    @Test func readyWhileTheDatabaseAnswers() async throws {
        try await TestServer(demo: false).run { client in
            let response = try await client.execute(uri: "/readyz", method: .get)
            #expect(response.status == .ok)
            #expect(response.text == #"{"status":"ready"}"#)
        }
    }

    @Test func notReadyOnceTheDatabaseIsGone() async throws {
        let server = try await TestServer(demo: false)
        try await server.run { client in
            try await server.stores.close()
            let response = try await client.execute(uri: "/readyz", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(try response.json(ProblemBody.self).code == "database_unavailable")
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok, "the process itself still runs")
        }
    }
}
