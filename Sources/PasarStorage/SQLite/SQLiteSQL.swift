import Foundation
import GRDB

/// Runs shared statements (`SQLFragment`) on SQLite.
enum SQLiteSQL {
    static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(values.map { value -> DatabaseValue in
            switch value {
            case .text(let text): text.databaseValue
            case .integer(let number): number.databaseValue
            case .blob(let bytes): Data(bytes).databaseValue
            }
        })
    }

    static func execute(_ db: Database, _ fragment: SQLFragment) throws {
        let (sql, values) = SQLDialect.sqlite.render(fragment)
        try db.execute(sql: sql, arguments: arguments(values))
    }

    /// As `execute`, through GRDB's statement cache: for statements a hot path runs again and again.
    static func executeCached(_ db: Database, _ fragment: SQLFragment) throws {
        let (sql, values) = SQLDialect.sqlite.render(fragment)
        try db.executeCached(sql: sql, arguments: arguments(values))
    }

    static func rows(_ db: Database, _ fragment: SQLFragment) throws -> [[SQLValue?]] {
        let (sql, values) = SQLDialect.sqlite.render(fragment)
        return try Row.fetchAll(db, sql: sql, arguments: arguments(values)).map { row in
            row.databaseValues.map { value -> SQLValue? in
                switch value.storage {
                case .null: nil
                case .int64(let number): .integer(number)
                case .double(let number): .integer(Int64(number))
                case .string(let text): .text(text)
                case .blob(let data): .blob(Array(data))
                }
            }
        }
    }
}
