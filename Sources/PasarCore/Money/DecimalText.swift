/// The parts of a plain decimal literal: optional `-`, digits, optional `.digits`.
struct DecimalText {
    let sign: String
    let integer: String
    let fraction: String

    init(_ text: String) throws(MoneyError) {
        var rest = Substring(text)
        sign = rest.first == "-" ? "-" : ""
        if !sign.isEmpty || rest.first == "+" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = parts.first ?? ""
        let fraction = parts.count > 1 ? parts[1] : ""
        let isDigits = { (part: Substring) in part.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        guard !integer.isEmpty, isDigits(integer), isDigits(fraction), parts.count == 1 || !fraction.isEmpty,
            integer.count <= 19
        else { throw .invalidAmount(text) }
        self.integer = String(integer)
        self.fraction = String(fraction)
    }
}
