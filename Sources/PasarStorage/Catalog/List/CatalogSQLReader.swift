import Foundation

/// Runs a read statement of the shared catalog SQL on one database: the only part of listing,
/// searching and counting facets that differs between SQLite and PostgreSQL.
protocol CatalogSQLReader: SearchVocabulary {
    var dialect: SQLDialect { get }
    /// Every row, columns in select order; NULL as nil.
    func rows(_ statement: SQLFragment) async throws -> [[SQLValue?]]
}

extension CatalogSQLReader {
    /// See `CatalogStore.nextPriceChange(after:)`.
    func readNextPriceChange(after date: Date) async throws -> Date? {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let rows = try await rows(
            """
            SELECT MIN(t) FROM (SELECT MIN(valid_from) AS t FROM prices WHERE valid_from > \(seconds) \
            UNION ALL SELECT MIN(valid_to) AS t FROM prices WHERE valid_to > \(seconds)) boundaries
            """)
        return rows.first?.first??.integer.map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    /// `SearchVocabulary`, read from `search_vocabulary`.
    func terms(languages: [String], from: String, to: String, limit: Int) async throws -> [(term: String, products: Int64)] {
        let rows = try await rows(
            """
            SELECT term, CAST(SUM(products) AS BIGINT) AS products FROM search_vocabulary \
            WHERE language IN (\(SQLFragment.list(languages.map(SQLValue.text)))) AND term >= \(from) AND term < \(to) \
            GROUP BY term ORDER BY \(raw: dialect.bytewise("term")) LIMIT \(limit)
            """)
        return Self.termCounts(rows)
    }

    /// `SearchVocabulary`, read from `search_vocabulary`.
    func counts(languages: [String], terms: [String]) async throws -> [String: Int64] {
        guard !terms.isEmpty else { return [:] }
        let rows = try await rows(
            """
            SELECT term, CAST(SUM(products) AS BIGINT) AS products FROM search_vocabulary \
            WHERE language IN (\(SQLFragment.list(languages.map(SQLValue.text)))) AND term IN (\(SQLFragment.list(terms.map(SQLValue.text)))) \
            GROUP BY term
            """)
        return Dictionary(Self.termCounts(rows), uniquingKeysWith: { first, _ in first })
    }

    /// `term, products` rows of `search_vocabulary`.
    private static func termCounts(_ rows: [[SQLValue?]]) -> [(term: String, products: Int64)] {
        rows.compactMap { row in
            guard case .text(let term)? = row.first, case .integer(let products)? = row.last else { return nil }
            return (term, products)
        }
    }
}
