/// One problem in a market file: where it is (file and field path) and what is wrong, in plain words.
public struct MarketValidationIssue: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    /// Dotted field path (`tax.rates.standard`, `stores[1].country`); empty for the whole file.
    public let path: String
    public let message: String

    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)" }
}
