internal import CICUShim

/// A case- and accent-insensitive form of text for matching search queries, Turkish-aware:
/// `Çay` and `cay` share a key, as do `İstanbul`, `ISTANBUL` and `istanbul`, and `ı` matches `i`.
///
/// Steps: full Unicode case folding (`ß → ss`, `İ → i̇`), canonical decomposition, removal of
/// accent marks, dotless `ı → i`, recomposition. Only the marks that act as accents go (Latin,
/// Greek and Cyrillic diacritics, Arabic vowel signs); marks that make a different letter stay, so
/// Japanese `ブ` does not become `フ` and Devanagari vowel signs survive. Uses only ICU's stateless
/// normalizers and case functions, so it is thread-safe without locks.
public enum SearchKey {
    public static func make(_ text: String) -> String {
        let folded = (try? ICUCall.utf16("u_strFoldCase", capacity: text.utf16.count + 8) { out, capacity, status in
            let units = text.utf16Units
            return pasar_u_fold_case(units, Int32(units.count), out, capacity, status)
        }) ?? text.lowercased()
        let decomposed = normalize(folded, nfd: true)
        var stripped = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where !isAccent(scalar) {
            stripped.append(scalar == "ı" ? "i" : scalar)
        }
        return normalize(String(stripped), nfd: false)
    }

    /// Combining diacritical marks (and their supplements) and Arabic harakat.
    private static func isAccent(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: true
        case 0x064B...0x065F, 0x0670: true
        default: false
        }
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
