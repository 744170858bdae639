internal import CICUShim

/// Splits text into search terms the same way for the catalog and for queries: ICU word breaking
/// (so Japanese, Chinese and Thai, written without spaces, fall into words) over a folded form of
/// the text, in which `İstanbul`, `ISTANBUL`, `ıstanbul` and `istanbul` are one term, as are `Straße`
/// and `strasse`, `ｺｰﾋｰ`, `こーひー` and `コーヒー`, `أخضر` and `اخضر`.
///
/// Folding, in order: NFKC (full-width Latin and half-width katakana become ordinary letters),
/// `SearchKey` (case folding, accents and Arabic vowel signs removed, dotless ı → i), hiragana →
/// katakana, and the Arabic letter variants Arabic search folds (tatweel removed; ٱ → ا, ى → ي,
/// ة → ه, Persian ک → ك and ی → ي; hamza seats are already gone with the marks). Breaking runs on
/// the folded text with the root locale, so a term never depends on the language it is read in.
/// Runs of katakana the dictionary does not know (`ラテ` → `ラ`, `テ`) are joined back into one term.
public enum SearchText {
    /// The terms of `text`, in order, duplicates kept.
    public static func terms(_ text: String) -> [String] {
        let folded = fold(text)
        let units = folded.utf16Units
        guard !units.isEmpty else { return [] }
        var status: Int32 = 0
        guard let breaker = units.withUnsafeBufferPointer({ pasar_ubrk_open_words("", $0.baseAddress, Int32($0.count), &status) }),
            pasar_failure(status) == 0
        else { return folded.split(separator: " ").map(String.init) }
        defer { pasar_ubrk_close(breaker) }
        var terms: [String] = []
        var start = 0
        var previousWasLoneKana = false
        while true {
            let end = Int(pasar_ubrk_next(breaker))
            if end < 0 { break }
            defer { start = end }
            guard pasar_ubrk_rule_status(breaker) != 0 else {
                previousWasLoneKana = false
                continue
            }
            let term = String(decoding: units[start..<end], as: UTF16.self)
            let isLoneKana = term.unicodeScalars.count == 1 && isKatakana(term.unicodeScalars.first!)
            if isLoneKana, previousWasLoneKana, let last = terms.popLast() {
                terms.append(last + term)
            } else {
                terms.append(term)
            }
            previousWasLoneKana = isLoneKana || (previousWasLoneKana && term.unicodeScalars.allSatisfy(isKatakana))
        }
        return terms
    }

    /// The folded form of `text` before breaking.
    public static func fold(_ text: String) -> String {
        let units = text.utf16Units
        let compatible = (try? ICUCall.utf16("unorm2_normalize", capacity: units.count * 2 + 8) {
            pasar_normalize_nfkc(units, Int32(units.count), $0, $1, $2)
        }) ?? text
        var folded = String.UnicodeScalarView()
        for scalar in SearchKey.make(compatible).unicodeScalars {
            if let mapped = letterFold(scalar) { folded.append(mapped) } else if scalar.value != 0x0640 { folded.append(scalar) }
        }
        return String(folded)
    }

    private static func letterFold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x3041...0x3096, 0x309D, 0x309E: Unicode.Scalar(scalar.value + 0x60)  // hiragana → katakana
        case 0x0671: "\u{0627}"  // alef wasla → alef
        case 0x0649, 0x06CC: "\u{064A}"  // alef maksura, Farsi yeh → yeh
        case 0x0629: "\u{0647}"  // teh marbuta → heh
        case 0x06A9: "\u{0643}"  // keheh → kaf
        default: nil
        }
    }

    /// Katakana letters and the prolonged sound mark.
    static func isKatakana(_ scalar: Unicode.Scalar) -> Bool {
        (0x30A1...0x30FA).contains(scalar.value) || scalar.value == 0x30FC
    }

    /// True for terms of scripts written without spaces (Han, kana, Thai, Lao, Khmer, Hangul is
    /// spaced and not included): one changed character there is another word, so such terms get
    /// no typo tolerance.
    public static func isUnspacedScript(_ term: String) -> Bool {
        term.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x0E00...0x0EFF, 0x1780...0x17FF: true
            default: false
            }
        }
    }
}
