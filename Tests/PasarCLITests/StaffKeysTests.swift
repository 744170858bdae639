import Foundation
import PasarTestSupport
import Testing

/// Staff keys from `pasar keys new --store` through the keys file to a running server: the till of
/// one store works there and is refused at another.
@Suite("Staff keys bound to stores")
struct StaffKeysTests {
    @Test func aStaffKeyMadeByTheCommandWorksOnlyAtItsStore() async throws {
        let made = try CommandRunner.run(["keys", "new", "till-zurich", "--channel", "pos", "--store", "zurich-hb"])
        #expect(made.status == 0, "\(made.standardError)")
        #expect(made.standardOutput.contains("    stores: [zurich-hb]\n"), "\(made.standardOutput)")
        let key = try #require(made.standardOutput.split(separator: "\n").first?.split(separator: " ").last.map(String.init))
        let entry = made.standardOutput.components(separatedBy: "entry for the keys file:\n").last ?? ""

        let refused = try CommandRunner.run(["keys", "new", "boss", "--admin", "--store", "zurich-hb"])
        #expect(refused.status != 0 && refused.standardError.contains("--store"), "\(refused.standardError)")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pasar-staff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let keysFile = folder.appendingPathComponent("keys.yaml")
        try ("keys:\n" + entry).write(to: keysFile, atomically: true, encoding: .utf8)
        let server = try await ServerProcess(database: folder.appendingPathComponent("pasar.sqlite").path, extraArguments: ["--keys", keysFile.path])
        defer { server.kill(signal: SIGKILL) }
        let headers = ["Authorization": "Bearer \(key)", "Pasar-Operator": "lena"]
        let own = try await server.request("GET", "/v1/stores/zurich-hb/pickups", headers: headers)
        #expect(own.status == 200, "\(String(decoding: own.body, as: UTF8.self))")
        let other = try await server.request("GET", "/v1/stores/geneve-rive/pickups", headers: headers)
        #expect(other.status == 403 && ServerProcess.object(other.body)["code"] as? String == "store_forbidden")
        #expect((ServerProcess.object(other.body)["detail"] as? String)?.contains("zurich-hb") == true)
    }
}
