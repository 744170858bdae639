import ArgumentParser
import Foundation

/// Writes a file that must not exist yet, whole or not at all: the text goes to a temporary file in
/// the same folder, which is then hard-linked to its name (failing if the name is taken meanwhile).
enum NewFile {
    static func write(_ text: String, to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("\(path) already exists: choose another name or move it away first")
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        do {
            try Data(text.utf8).write(to: temporary)
            try FileManager.default.linkItem(at: temporary, to: url)
        } catch {
            throw ValidationError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
