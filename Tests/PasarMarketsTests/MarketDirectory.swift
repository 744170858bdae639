import Foundation
import PasarTestSupport

let shippedMarkets = "\(Fixtures.repositoryRoot)/Locales/markets"

/// A scratch directory of market files for one test, removed when the test is done with it.
struct MarketDirectory: ~Copyable {
    let path: String

    /// An empty directory, or a copy of the shipped market files.
    init(copyingShippedMarkets: Bool = false) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("pasar-markets-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard copyingShippedMarkets else { return }
        for file in try FileManager.default.contentsOfDirectory(atPath: shippedMarkets) where file.hasSuffix(".yaml") {
            try FileManager.default.copyItem(atPath: "\(shippedMarkets)/\(file)", toPath: "\(path)/\(file)")
        }
    }

    func write(_ file: String, _ text: String) throws {
        try text.write(toFile: "\(path)/\(file)", atomically: true, encoding: .utf8)
    }

    func remove(_ file: String) throws {
        try FileManager.default.removeItem(atPath: "\(path)/\(file)")
    }

    /// Puts a shipped file back (after a test broke it).
    func restoreShipped(_ file: String) throws {
        try write(file, String(contentsOfFile: "\(shippedMarkets)/\(file)", encoding: .utf8))
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// The text of a small valid market file; `extra` lines are appended (and may override nothing:
/// YAML forbids repeated keys, so leave out what `extra` sets by passing `omit`).
func marketFile(
    _ code: String, country: String, currency: String = "EUR", languages: String = "[en]", extra: String = "",
    omit: Set<String> = []
) -> String {
    let fields: [(String, String)] = [
        ("code", code), ("name", "{en: Example}"), ("channels", "[web]"), ("countries", "[\(country)]"), ("currency", currency),
        ("languages", languages), ("tax", "{mode: inclusive, rates: {standard: \"20\"}}"),
    ]
    return fields.filter { !omit.contains($0.0) }.map { "\($0.0): \($0.1)\n" }.joined() + extra
}
