/// CLDR plural categories; which ones a language uses differs (English: one/other, Polish: one/few/many/other).
public enum PluralCategory: String, Sendable, CaseIterable, Codable {
    case zero, one, two, few, many, other
}
