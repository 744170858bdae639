import PasarLocalization

/// Synonym groups per language (`tee`, `tea`): a query word in a group also matches the other
/// words of the group, ranked between exact and prefix matches. Words are folded like the index.
public struct SearchSynonyms: Sendable, Hashable {
    private let groups: [String: [String: [String]]]

    public static let none = SearchSynonyms(groups: [:])

    /// `groups`: language → groups of words meaning the same.
    public init(groups: [String: [[String]]]) {
        var table: [String: [String: [String]]] = [:]
        for (language, languageGroups) in groups {
            for group in languageGroups {
                let folded = group.compactMap { SearchText.terms($0).first }
                for word in folded {
                    table[language, default: [:]][word, default: []].append(contentsOf: folded.filter { $0 != word })
                }
            }
        }
        self.groups = table
    }

    func synonyms(of word: String, language: String) -> [String] {
        groups[language]?[word] ?? []
    }
}
