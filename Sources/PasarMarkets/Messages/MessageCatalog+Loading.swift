import FoundationEssentials
import PasarLocalization
import Yams

extension MessageCatalog {
    /// Reads every `<language>.yaml` of `directory`; throws `invalidFiles` listing every problem
    /// (unknown language tag, a value that is not text, a key English lacks, a pattern ICU rejects).
    public static func load(directory: String) throws(MessageCatalogError) -> MessageCatalog {
        let result = loadReportingIssues(directory: directory)
        guard result.issues.isEmpty else { throw .invalidFiles(result.issues.map(\.description)) }
        return result.catalog
    }

    /// The catalog of the readable files and the problems of all of them.
    static func loadReportingIssues(directory: String) -> (catalog: MessageCatalog, issues: [MarketValidationIssue]) {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        } catch {
            return (.empty, [MarketValidationIssue(file: directory, path: "", message: "cannot read the directory")])
        }
        var issues: [MarketValidationIssue] = []
        var patterns: [String: [String: String]] = [:]
        var languages: [String: LocaleTag] = [:]
        for file in files {
            let reader = NodeReader(file: file)
            let name = String(file.prefix(while: { $0 != "." }))
            guard let language = try? LocaleTag(name) else {
                reader.report("", "'\(name)' is not a language tag such as de or pt-BR")
                issues += reader.issues
                continue
            }
            if patterns[language.identifier] != nil {
                reader.report("", "language \(language.identifier) has another file")
            }
            patterns[language.identifier] = readPatterns(path: "\(directory)/\(file)", reader: reader)
            languages[language.identifier] = language
            issues += reader.issues
        }
        let englishKeys = Set(patterns[fallbackLanguage].map { Array($0.keys) } ?? [])
        if patterns[fallbackLanguage] == nil {
            issues.append(MarketValidationIssue(file: "\(fallbackLanguage).yaml", path: "", message: "is required: English is the last fallback"))
        }
        for (identifier, messages) in patterns.sorted(by: { $0.key < $1.key }) {
            guard let language = languages[identifier] else { continue }
            for (key, pattern) in messages.sorted(by: { $0.key < $1.key }) {
                let file = "\(identifier).yaml"
                if !englishKeys.isEmpty, !englishKeys.contains(key) {
                    issues.append(MarketValidationIssue(file: file, path: key, message: "unknown key: \(fallbackLanguage).yaml has no '\(key)'"))
                }
                if case .invalidPattern(_, let offset)? = compileProblem(pattern, language: language) {
                    issues.append(MarketValidationIssue(file: file, path: key, message: "ICU cannot read the pattern at offset \(offset)"))
                }
            }
        }
        return (MessageCatalog(patterns: patterns), issues)
    }

    private static func readPatterns(path: String, reader: NodeReader) -> [String: String] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            reader.report("", "cannot be read as UTF-8 text")
            return [:]
        }
        do {
            guard let node = try Yams.compose(yaml: text) else { return [:] }
            return reader.stringMap(node, "") ?? [:]
        } catch let error as YamlError {
            reader.report("", "YAML syntax error: \(error.plainMessage)")
        } catch {
            reader.report("", "YAML syntax error")
        }
        return [:]
    }

    /// Formatting without arguments compiles the pattern; only a pattern ICU cannot parse is a problem
    /// (missing arguments are expected here).
    private static func compileProblem(_ pattern: String, language: LocaleTag) -> LocalizationError? {
        do {
            _ = try MessageFormatter.shared.format(pattern, locale: language)
            return nil
        } catch {
            return error
        }
    }
}
