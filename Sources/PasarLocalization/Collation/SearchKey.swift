internal import CICUShim

/// A case- and accent-insensitive form of text for matching search queries, Turkish-aware:
/// `Çay` and `cay` share a key, as do `İstanbul`, `ISTANBUL` and `istanbul`, and `ı` matches `i`.
///
/// Steps: full Unicode case folding (`ß → ss`, `İ → i̇`), canonical decomposition, removal of
/// combining marks, dotless `ı → i`, recomposition. Uses only ICU's stateless normalizers and case
/// functions, so it is thread-safe without locks.
public enum SearchKey {
    public static func make(_ text: String) -> String {
        let folded = (try? ICUCall.utf16("u_strFoldCase", capacity: text.utf16.count + 8) { out, capacity, status in
            let units = text.utf16Units
            return pasar_u_fold_case(units, Int32(units.count), out, capacity, status)
        }) ?? text.lowercased()
        let decomposed = normalize(folded, nfd: true)
        var stripped = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where pasar_u_is_nonspacing_mark(Int32(scalar.value)) == 0 {
            stripped.append(scalar == "ı" ? "i" : scalar)
        }
        return normalize(String(stripped), nfd: false)
    }

    /// True when every word of `query` occurs in `text`, ignoring case and accents.
    public static func matches(query: String, in text: String) -> Bool {
        let haystack = make(text)
        return make(query).split(separator: " ").allSatisfy { haystack.contains($0) }
    }

    private static func normalize(_ text: String, nfd: Bool) -> String {
        let units = text.utf16Units
        return (try? ICUCall.utf16("unorm2_normalize", capacity: units.count * 3 + 8) {
            pasar_normalize(nfd ? 1 : 0, units, Int32(units.count), $0, $1, $2)
        }) ?? text
    }
}
