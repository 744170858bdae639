import PasarLocalization

/// How many typos a query word may contain and still match a term: none below 5 letters, one from
/// 5, two from 9 (Meilisearch's defaults), none in words with digits (SKUs, sizes) or in scripts
/// written without spaces, where one changed character is another word. A typo is one inserted,
/// deleted, substituted or swapped neighbouring letter (optimal string alignment distance), and the
/// first letter must be right, as in most search engines: it keeps the candidates few.
enum TypoTolerance {
    static func allowedTypos(_ word: String) -> Int {
        guard SearchIndexer.isVocabulary(word), !SearchText.isUnspacedScript(word) else { return 0 }
        switch word.unicodeScalars.count {
        case ..<5: return 0
        case 5..<9: return 1
        default: return 2
        }
    }

    /// The optimal string alignment distance between `a` and `b`, or nil when it exceeds `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, previous2[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
