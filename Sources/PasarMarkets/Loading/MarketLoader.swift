import Foundation
import PasarCore
import Yams

/// Reads a directory of market files: every `*.yaml` is a market named like its file, except
/// `rates.yaml` (exchange rates for derived markets) and files starting with `_` (bases other
/// files `extends`). Returns the markets and every problem found in any file.
public enum MarketLoader {
    /// The outcome of reading a directory; `markets` is only usable when `issues` is empty.
    public struct Result: Sendable {
        public let markets: [Market]
        public let issues: [MarketValidationIssue]
    }

    public static func load(directory: String) -> Result {
        var issues: [MarketValidationIssue] = []
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        } catch {
            return Result(markets: [], issues: [MarketValidationIssue(file: directory, path: "", message: "cannot read the directory")])
        }
        var documents: [String: Node] = [:]
        for file in files {
            let path = "\(directory)/\(file)"
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                guard let node = try Yams.compose(yaml: text) else {
                    issues.append(MarketValidationIssue(file: file, path: "", message: "the file is empty"))
                    continue
                }
                documents[file] = node
            } catch let error as YamlError {
                issues.append(MarketValidationIssue(file: file, path: "", message: "YAML syntax error: \(error)"))
            } catch {
                issues.append(MarketValidationIssue(file: file, path: "", message: "cannot be read as UTF-8 text"))
            }
        }
        let rates = readRates(documents.removeValue(forKey: "rates.yaml"), issues: &issues)
        var drafts: [MarketDraft] = []
        for (file, node) in documents.sorted(by: { $0.key < $1.key }) where !file.hasPrefix("_") {
            let reader = NodeReader(file: file)
            let merged = resolveExtends(node, file: file, documents: documents, reader: reader, seen: [file])
            let code = String(file.prefix(while: { $0 != "." }))
            if let draft = MarketFileParser(reader: reader, expectedCode: code).parse(merged) { drafts.append(draft) }
            issues += reader.issues
        }
        let markets = crossCheck(drafts, rates: rates, issues: &issues)
        return Result(markets: markets, issues: issues)
    }

    /// Merges the base files a document `extends` (bases may extend bases); the document's own values win.
    private static func resolveExtends(_ node: Node, file: String, documents: [String: Node], reader: NodeReader, seen: [String]) -> Node {
        guard case .mapping(let mapping) = node, let base = mapping["extends"]?.string else { return node }
        let baseFile = base.hasSuffix(".yaml") ? base : "\(base).yaml"
        guard !seen.contains(baseFile) else {
            reader.report("extends", "'\(base)' extends itself through \(seen.joined(separator: " → "))")
            return node
        }
        guard let baseNode = documents[baseFile] else {
            reader.report("extends", "there is no base file '\(baseFile)'")
            return node
        }
        let resolvedBase = resolveExtends(baseNode, file: baseFile, documents: documents, reader: reader, seen: seen + [baseFile])
        return merge(base: resolvedBase, over: node)
    }

    /// Mappings merge key by key (recursively); anything else in `child` replaces the base value.
    static func merge(base: Node, over child: Node) -> Node {
        guard case .mapping(let baseMapping) = base, case .mapping(let childMapping) = child else { return child }
        var pairs: [(Node, Node)] = []
        for (key, value) in baseMapping where key.string != "extends" {
            if let override = childMapping[key] {
                pairs.append((key, merge(base: value, over: override)))
            } else {
                pairs.append((key, value))
            }
        }
        for (key, value) in childMapping where baseMapping[key] == nil { pairs.append((key, value)) }
        return .mapping(Node.Mapping(pairs))
    }

    private static func readRates(_ node: Node?, issues: inout [MarketValidationIssue]) -> [String: ExactDecimal] {
        guard let node else { return [:] }
        let reader = NodeReader(file: "rates.yaml")
        var rates: [String: ExactDecimal] = [:]
        if let fields = reader.mapping(node, "", allowed: ["rates"]) {
            for (pair, value) in reader.mapping(fields["rates"], "rates", allowed: []) ?? [:] {
                let codes = pair.split(separator: "/").map(String.init)
                guard codes.count == 2, codes.allSatisfy({ $0.count == 3 && $0 == $0.uppercased() }) else {
                    reader.report("rates.\(pair)", "must be named SOURCE/TARGET, such as EUR/SEK")
                    continue
                }
                if let rate = reader.decimal(value, "rates.\(pair)") {
                    if rate.significand <= 0 { reader.report("rates.\(pair)", "must be positive") } else { rates[pair] = rate }
                }
            }
        }
        issues += reader.issues
        return rates
    }

    /// Checks that need every market: unique codes, countries and store ids; derived sources and rates.
    private static func crossCheck(_ drafts: [MarketDraft], rates: [String: ExactDecimal], issues: inout [MarketValidationIssue]) -> [Market] {
        var byCode: [String: MarketDraft] = [:]
        var storeOwner: [String: String] = [:]
        let countryMarkets = Dictionary(grouping: drafts.flatMap { draft in draft.countries.map { ($0, draft.code) } }, by: \.0)
        for draft in drafts {
            if let other = byCode[draft.code] {
                issues.append(.init(file: draft.file, path: "code", message: "'\(draft.code)' is also the code of \(other.file)"))
            }
            byCode[draft.code] = draft
            // A country sold to by two markets is reported in both files: either may be the mistake.
            for (index, country) in draft.countries.enumerated() {
                let others = (countryMarkets[country] ?? []).map(\.1).filter { $0 != draft.code }
                if !others.isEmpty {
                    issues.append(.init(file: draft.file, path: "countries[\(index)]", message: "'\(country)' is also in market \(others.joined(separator: ", "))"))
                }
            }
            for (index, store) in draft.stores.enumerated() {
                if let owner = storeOwner[store.id] {
                    issues.append(.init(file: draft.file, path: "stores[\(index)].id", message: "store id '\(store.id)' is already used in market \(owner)"))
                } else {
                    storeOwner[store.id] = draft.code
                }
            }
        }
        var markets: [Market] = []
        for draft in drafts {
            guard let derived = draft.derived else {
                markets.append(draft.market(rate: nil))
                continue
            }
            guard let source = byCode[derived.sourceMarket] else {
                issues.append(.init(file: draft.file, path: "prices.from", message: "there is no market '\(derived.sourceMarket)'"))
                continue
            }
            if let cycle = derivationCycle(from: draft.code, byCode: byCode) {
                issues.append(.init(file: draft.file, path: "prices.from", message: "derived prices form a cycle: \(cycle.joined(separator: " → "))"))
                continue
            }
            let pair = "\(source.currency.code)/\(draft.currency.code)"
            guard let rate = derived.inlineRate ?? rates[pair] ?? (pair.prefix(3) == pair.suffix(3) ? ExactDecimal(significand: 1) : nil) else {
                issues.append(.init(file: draft.file, path: "prices.rate", message: "no rate \(pair) in rates.yaml and none given here"))
                continue
            }
            markets.append(draft.market(rate: rate))
        }
        return markets.sorted { $0.code < $1.code }
    }

    private static func derivationCycle(from code: String, byCode: [String: MarketDraft]) -> [String]? {
        var path = [code]
        var current = code
        while let next = byCode[current]?.derived?.sourceMarket {
            path.append(next)
            if next == code { return path }
            if path.count > byCode.count + 1 { return nil }
            current = next
        }
        return nil
    }
}
