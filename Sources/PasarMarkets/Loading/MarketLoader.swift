import FoundationEssentials
import PasarCore
import Yams

/// Reads a directory of market files: every `*.yaml` is a market named like its file, except
/// `rates.yaml` (exchange rates for derived markets) and files starting with `_` (bases other
/// files `extends`). Returns the markets and every problem found in any file.
///
/// ```swift
/// let result = MarketLoader.load(directory: "Locales/markets")
/// for issue in result.issues { print(issue) }   // "ch.yaml: tax.rates.standard: 120 % is outside 0–100 %"
/// ```
public enum MarketLoader {
    /// The outcome of reading a directory; `markets` is only usable when `issues` is empty.
    public struct Result: Sendable {
        public let markets: [Market]
        public let issues: [MarketValidationIssue]
    }

    public static func load(directory: String) -> Result {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        } catch {
            return Result(markets: [], issues: [MarketValidationIssue(file: directory, path: "", message: "cannot read the directory")])
        }
        var issues: [MarketValidationIssue] = []
        var documents: [String: Node] = [:]
        var unreadable: Set<String> = []
        for file in files {
            switch read("\(directory)/\(file)") {
            case .success(let node): documents[file] = node
            case .failure(let problem):
                issues.append(MarketValidationIssue(file: file, path: "", message: problem.message))
                unreadable.insert(file)
            }
        }
        let ratesReader = NodeReader(file: ExchangeRates.fileName)
        let rates = ExchangeRates(documents.removeValue(forKey: ExchangeRates.fileName), reader: ratesReader)
        issues += ratesReader.issues

        let inheritance = MarketFileInheritance(documents: documents, unreadable: unreadable)
        var drafts: [MarketDraft] = []
        var brokenCodes = Set(unreadable.map(marketCode(ofFile:)))
        for (file, node) in documents.sorted(by: { $0.key < $1.key }) where !file.hasPrefix("_") {
            let resolved = inheritance.resolve(node, file: file)
            issues += resolved.issues
            let code = marketCode(ofFile: file)
            guard resolved.isComplete else {
                brokenCodes.insert(code)
                continue
            }
            let reader = NodeReader(file: file)
            if let draft = MarketFileParser(reader: reader, expectedCode: code).parse(resolved.merged) {
                drafts.append(draft)
            } else {
                brokenCodes.insert(code)
            }
            issues += reader.issues.map { MarketFileInheritance.attribute($0, in: resolved) }
        }
        let markets = MarketCrossCheck(drafts: drafts, rates: rates, brokenCodes: brokenCodes).markets(issues: &issues)
        return Result(markets: markets, issues: uniqued(issues))
    }

    /// `ch.yaml` → `ch`.
    static func marketCode(ofFile file: String) -> String { String(file.prefix(while: { $0 != "." })) }

    private struct ReadProblem: Error {
        let message: String
    }

    private static func read(_ path: String) -> Swift.Result<Node, ReadProblem> {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            return .failure(ReadProblem(message: "cannot be read as UTF-8 text"))
        }
        do {
            guard let node = try Yams.compose(yaml: text) else { return .failure(ReadProblem(message: "the file is empty")) }
            return .success(node)
        } catch let error as YamlError {
            return .failure(ReadProblem(message: "YAML syntax error: \(error.plainMessage)"))
        } catch {
            return .failure(ReadProblem(message: "YAML syntax error"))
        }
    }

    /// Each problem once (a base file's problem is found for every market extending it), grouped
    /// by file in file-name order; within a file, in the order found.
    private static func uniqued(_ issues: [MarketValidationIssue]) -> [MarketValidationIssue] {
        var seen = Set<MarketValidationIssue>()
        let unique = issues.filter { seen.insert($0).inserted }
        let files = Dictionary(grouping: unique, by: \.file)
        return files.keys.sorted().flatMap { files[$0] ?? [] }
    }
}
