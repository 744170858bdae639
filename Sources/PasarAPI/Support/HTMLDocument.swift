import PasarLocalization

/// A small, self-contained HTML document in one language and its direction: the HTML part of
/// customer emails and the unsubscribe page.
enum HTMLDocument {
    static func render(title: String, language: LocaleTag, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(escape(language.identifier))" dir="\(language.isRightToLeft ? "rtl" : "ltr")">
        <head><meta charset="utf-8"><title>\(escape(title))</title></head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// One `<p>` per paragraph, line breaks kept.
    static func paragraphs(_ paragraphs: [String]) -> String {
        paragraphs.map { "<p>" + escape($0).replacingOccurrences(of: "\n", with: "<br>") + "</p>" }.joined(separator: "\n")
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
