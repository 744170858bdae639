/// How `search_vocabulary` (terms with the number of products that contain them) changes when a
/// batch of products is rewritten: decided once here, applied by each database as upserts.
struct VocabularyDelta: Sendable {
    struct Change: Hashable, Sendable {
        let language: String
        let term: String
        let delta: Int64
    }

    let changes: [Change]

    /// `old` and `new`: the (language, term) pairs each product had before and has now.
    init(old: [String: Set<LanguageTerm>], new: [String: Set<LanguageTerm>]) {
        var deltas: [LanguageTerm: Int64] = [:]
        for (productID, terms) in new {
            let before = old[productID] ?? []
            for term in terms.subtracting(before) { deltas[term, default: 0] += 1 }
        }
        for (productID, terms) in old {
            let after = new[productID] ?? []
            for term in terms.subtracting(after) { deltas[term, default: 0] -= 1 }
        }
        changes = deltas.compactMap { $0.value == 0 ? nil : Change(language: $0.key.language, term: $0.key.term, delta: $0.value) }
            .sorted { ($0.language, $0.term) < ($1.language, $1.term) }
    }
}

/// A term in one language.
struct LanguageTerm: Hashable, Sendable {
    let language: String
    let term: String
}
