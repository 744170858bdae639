public import FoundationEssentials

/// Finds and decodes files under the repository's `Fixtures/` folder.
public enum Fixtures {
    /// The repository root: the nearest folder above this file that holds `Package.swift`.
    public static let repositoryRoot: String = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory.path
            }
            directory.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// The absolute path of `relativePath` under `Fixtures/`.
    /// A file of the repository by its path from the root (`Tests/Mail/smtp_sink.py`).
    public static func repositoryPath(_ relativePath: String) -> String { "\(repositoryRoot)/\(relativePath)" }

    public static func path(_ relativePath: String) -> String { "\(repositoryRoot)/Fixtures/\(relativePath)" }

    /// Decodes a JSON fixture; a missing or malformed fixture stops the test run loudly.
    public static func decode<Value: Decodable>(_ type: Value.Type, from relativePath: String) -> Value {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path(relativePath)))
            return try JSONDecoder().decode(Value.self, from: data)
        } catch {
            fatalError("fixture \(relativePath): \(error)")
        }
    }
}
