import Foundation
import PasarStorage
import Yams

/// Reads `Locales/search/synonyms.yaml`: language → groups of words that mean the same.
enum SynonymsFile {
    static func load(path: String) throws -> SearchSynonyms {
        guard FileManager.default.fileExists(atPath: path) else { return .none }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        do {
            let groups = try YAMLDecoder().decode([String: [[String]]].self, from: text)
            return SearchSynonyms(groups: groups)
        } catch {
            throw SynonymsFileError(path: path, reason: "\(error)")
        }
    }
}

struct SynonymsFileError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "\(path): expected language: [[word, word, …], …] (\(reason))" }
}
