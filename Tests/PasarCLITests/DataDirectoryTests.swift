import Foundation
import PasarTestSupport
import Testing

@Suite("--data-dir: the shipped files from a folder of the user's choice")
struct DataDirectoryTests {
    /// A data folder with only the two markets de and ch, so the output proves which folder was read.
    private func dataDirectory() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pasar-data-\(UUID().uuidString)")
        let markets = folder.appendingPathComponent("Locales/markets")
        try FileManager.default.createDirectory(at: markets, withIntermediateDirectories: true)
        let shipped = "\(Fixtures.repositoryRoot)/Locales/markets"
        // The two markets and the base files they extend.
        for file in try FileManager.default.contentsOfDirectory(atPath: shipped) where file.hasPrefix("_") || ["de.yaml", "ch.yaml"].contains(file) {
            try FileManager.default.copyItem(atPath: "\(shipped)/\(file)", toPath: markets.appendingPathComponent(file).path)
        }
        return folder
    }

    @Test func readsTheMarketsOfTheNamedFolderFromAnyDirectory() throws {
        let folder = try dataDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try CommandRunner.run(["markets", "validate", "--data-dir", folder.path], in: FileManager.default.temporaryDirectory.path)
        #expect(output.status == 0, "\(output.standardError)")
        #expect(output.standardOutput == "2 markets valid: ch, de\n")
    }

    @Test func aMissingFileIsOneLineNamingItAndTheOptions() throws {
        let folder = try dataDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The folder has markets but no messages and no demo catalog.
        let output = try CommandRunner.run(
            ["serve", "--demo", "--port", "0", "--db", folder.appendingPathComponent("pasar.sqlite").path, "--data-dir", folder.path],
            in: FileManager.default.temporaryDirectory.path)
        #expect(output.status != 0)
        let lines = output.standardError.split(separator: "\n")
        let messages = folder.appendingPathComponent("Locales/messages").path
        #expect(lines.first == "Error: \(messages) does not exist: set it with --messages (PASAR_MESSAGES), or point --data-dir (PASAR_DATA_DIR) at the folder holding Locales/ and Fixtures/", "\(output.standardError)")
        #expect(!output.standardError.contains("NSCocoaErrorDomain"))
    }
}
