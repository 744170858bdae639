/// Writes single YAML values that read back as the same text in any YAML parser.
enum YAMLText {
    /// `value` plain when that is unambiguous, else double-quoted: numbers, YAML 1.1 booleans
    /// (`no`, the Norway problem), and text with YAML punctuation are quoted.
    static func scalar(_ value: String) -> String {
        let special: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"]
        let punctuation = Set(",:{}[]#&*!|>'\"%@`")
        let needsQuotes =
            value.isEmpty || special.contains(value.lowercased()) || value.contains(where: punctuation.contains)
            || value.first == " " || value.last == " " || value.first == "-" || value.first == "?"
            || value.first.map { $0.isNumber } == true
        guard needsQuotes else { return value }
        return "\"" + value.map { $0 == "\\" || $0 == "\"" ? "\\\($0)" : String($0) }.joined() + "\""
    }
}
