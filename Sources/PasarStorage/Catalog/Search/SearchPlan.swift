import PasarLocalization

/// What a search query asks the index, decided by Pasar's code the same way for both databases:
/// the query's words, and for each word the terms that match it with the score of that match.
///
/// Ranking: a product's score is the sum over the query's words of its best match for that word,
/// `16 (unless a typo) + 4 × field weight + match kind`. So a match without a typo always outranks
/// one with; then the field decides, name (3) > category (2) > description, options and SKU (1);
/// then the kind, exact (4) > synonym (3) > prefix (2) > typo (1). `weiss` as the prefix of a name
/// (`Weißer Tee`) thus ranks above `weiß` in a description, as in Meilisearch's default rules
/// (typo, then attribute, then exactness). Equal scores are ordered by the name in the request's
/// collation, then by id.
struct SearchPlan: Sendable, Hashable {
    /// How a term matched a query word.
    enum Match: Int, Sendable {
        case typo = 1
        case prefix = 2
        case synonym = 3
        case exact = 4
    }

    struct Candidate: Sendable, Hashable {
        let term: String
        /// `16 (unless a typo) + match kind`; `4 × field weight` is added from the term row.
        let score: Int
    }

    /// Languages whose terms are searched: the request language's fallback chain.
    let languages: [String]
    /// Per query word, every term that may match it. A word with no candidates matches nothing.
    let words: [[Candidate]]
    /// Per word, about how many products match it: its candidates' vocabulary counts, summed; nil
    /// when a candidate is not counted (terms with digits are not in the vocabulary).
    let estimates: [Int64?]

    /// A word whose every candidate is in no product: the search cannot match, whatever the filters.
    var matchesNothing: Bool { estimates.contains(0) }

    /// Word indices, the fewest matches first: the first drives the search, the others are looked up
    /// for its products only where that reads less (`SearchHitsSQL`).
    var rarestFirst: [Int] {
        words.indices.sorted { (estimate($0), $0) < (estimate($1), $1) }
    }

    /// Candidates the vocabulary says no product contains (a word typed as the prefix it is).
    let absent: Set<String>

    /// The highest score a product can reach: every word's best candidate present in the catalog,
    /// in a name (weight 3).
    var bestScore: Int {
        words.map { candidates in (candidates.filter { !absent.contains($0.term) }.map(\.score).max() ?? 0) + 4 * 3 }.reduce(0, +)
    }

    /// The estimate of word `index`, with uncounted words taken as moderately common.
    func estimate(_ index: Int) -> Int64 { estimates[index] ?? 1_000 }

    /// A candidate's score for a match kind.
    static func score(_ match: Match) -> Int { (match == .typo ? 0 : 16) + match.rawValue }

    /// The words of a query (at most 8; the rest are ignored).
    static func words(of query: String) -> [String] {
        var seen = Set<String>()
        return Array(SearchText.terms(query).filter { seen.insert($0).inserted }.prefix(8))
    }

    /// Prefix expansion of the last word stops at this many terms (the most frequent).
    static let prefixLimit = 30
    /// Typo expansion keeps at most this many terms per word (closest, then most frequent).
    static let typoLimit = 10
}

/// Reads the vocabulary a plan is expanded from; each store answers with one indexed range read.
protocol SearchVocabulary: Sendable {
    /// Terms `t` with `from <= t < to` (bytewise) in any of `languages`, with the number of products
    /// containing them summed over the languages, in term order, at most `limit`.
    func terms(languages: [String], from: String, to: String, limit: Int) async throws -> [(term: String, products: Int64)]
    /// The number of products containing each of `terms` that is known, summed over the languages.
    func counts(languages: [String], terms: [String]) async throws -> [String: Int64]
}

extension SearchPlan {
    /// Expands `query` against the vocabulary: exact words, synonyms, the last word as a prefix
    /// (as-you-type) and typos within `TypoTolerance`.
    static func make(query: String, languages: [String], synonyms: SearchSynonyms, vocabulary: some SearchVocabulary) async throws -> SearchPlan {
        let words = words(of: query)
        var plans: [[Candidate]] = []
        for (index, word) in words.enumerated() {
            var best: [String: Int] = [word: score(.exact)]
            func offer(_ term: String, _ match: Match) {
                best[term] = max(best[term] ?? 0, score(match))
            }
            for language in languages {
                for synonym in synonyms.synonyms(of: word, language: language) { offer(synonym, .synonym) }
            }
            let isLast = index == words.count - 1
            if isLast, SearchIndexer.isVocabulary(word) {
                let prefixed = try await vocabulary.terms(languages: languages, from: word, to: word + "\u{10FFFF}", limit: 2000)
                for entry in prefixed.filter({ $0.term != word }).sorted(by: Self.byFrequency).prefix(prefixLimit) {
                    offer(entry.term, .prefix)
                }
            }
            let typos = TypoTolerance.allowedTypos(word)
            if typos > 0 {
                let close = try await closeTerms(to: word, typos: typos, languages: languages, vocabulary: vocabulary)
                for term in close.filter({ $0 != word }).prefix(typoLimit) { offer(term, .typo) }
            }
            plans.append(best.map { Candidate(term: $0.key, score: $0.value) }.sorted { $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) })
        }
        let terms = Set(plans.joined().map(\.term))
        let counts = try await vocabulary.counts(languages: languages, terms: Array(terms))
        let estimates = plans.map { candidates -> Int64? in
            var sum: Int64 = 0
            for candidate in candidates {
                if let count = counts[candidate.term] {
                    sum += count
                } else if !SearchIndexer.isVocabulary(candidate.term) {
                    return nil
                }
            }
            return sum
        }
        let absent = terms.filter { counts[$0] == nil && SearchIndexer.isVocabulary($0) }
        return SearchPlan(languages: languages, words: plans, estimates: estimates, absent: absent)
    }

    /// Vocabulary terms that start with `word`'s first letter and lie within `typos` of it, closest
    /// first, then the most frequent, then in term order.
    static func closeTerms(to word: String, typos: Int, languages: [String], vocabulary: some SearchVocabulary) async throws -> [String] {
        guard let first = word.unicodeScalars.first, let next = Unicode.Scalar(first.value + 1) else { return [] }
        let scalars = Array(word.unicodeScalars)
        let bucket = try await vocabulary.terms(languages: languages, from: String(first), to: String(next), limit: 20_000)
        let close = bucket.compactMap { entry -> (term: String, products: Int64, distance: Int)? in
            guard let distance = TypoTolerance.distance(scalars, Array(entry.term.unicodeScalars), limit: typos) else { return nil }
            return (entry.term, entry.products, distance)
        }
        return close.sorted { ($0.distance, -$0.products, $0.term) < ($1.distance, -$1.products, $1.term) }.map(\.term)
    }

    private static func byFrequency(_ a: (term: String, products: Int64), _ b: (term: String, products: Int64)) -> Bool {
        a.products != b.products ? a.products > b.products : a.term.utf8.lexicographicallyPrecedes(b.term.utf8)
    }
}
