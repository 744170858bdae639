import Foundation

/// JSON text columns for nested values (translations, variants, images).
enum JSONColumn {
    static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: Data(text.utf8))
        } catch {
            throw StorageError.corrupt("\(Value.self) column")
        }
    }
}

/// Optional lists stored as `,a,b,` so `instr(column, ',a,')` tests membership; NULL means "all".
enum ListColumn {
    static func encode(_ values: [String]?) -> String? {
        values.map { "," + $0.joined(separator: ",") + "," }
    }

    static func decode(_ text: String?) -> [String]? {
        text.map { $0.split(separator: ",").map(String.init) }
    }
}

import GRDB

extension Database {
    /// Runs a statement kept prepared on this connection: bulk writes (imports) reuse it for every
    /// row instead of compiling the SQL again.
    func executeCached(sql: String, arguments: StatementArguments) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
