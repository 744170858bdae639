import NIOCore
import PostgresNIO

/// Runs shared statements (`SQLFragment`) on PostgreSQL; every placeholder carries its type.
enum PostgresSQL {
    static func query(_ fragment: SQLFragment) -> PostgresQuery {
        let (sql, values) = SQLDialect.postgres.render(fragment)
        var binds = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .text(let text): binds.append(text)
            case .integer(let number): binds.append(number)
            case .blob(let bytes): binds.append(ByteBuffer(bytes: bytes))
            }
        }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    static func execute(_ connection: PostgresConnection, _ fragment: SQLFragment) async throws {
        try await connection.execute(query(fragment))
    }

    static func rows(_ connection: PostgresConnection, _ fragment: SQLFragment) async throws -> [[SQLValue?]] {
        try await connection.rows(query(fragment)).map { row in
            try row.map { cell -> SQLValue? in
                guard cell.bytes != nil else { return nil }
                switch cell.dataType {
                case .int8, .int4, .int2: return .integer(try cell.decode(Int64.self))
                case .bytea: return .blob(Array(try cell.decode(ByteBuffer.self).readableBytesView))
                default: return .text(try cell.decode(String.self))
                }
            }
        }
    }
}
