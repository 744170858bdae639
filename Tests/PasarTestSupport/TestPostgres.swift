public import FoundationEssentials
public import PasarStorage

/// The PostgreSQL server tests run against when `PASAR_TEST_POSTGRES_URL` is set (see
/// `bench/postgres.sh start`); without it, tests use SQLite and PostgreSQL-only tests are skipped.
public enum TestPostgres {
    public static var url: String? {
        guard let value = ProcessInfo.processInfo.environment["PASAR_TEST_POSTGRES_URL"], !value.isEmpty else { return nil }
        return value
    }

    public static var isConfigured: Bool { url != nil }

    /// The server, or nil when none is configured; a malformed URL fails the test.
    public static func server() throws -> PostgresLocation? {
        try url.map { try PostgresLocation(url: $0) }
    }

    /// A database name for the test data in `directory` (unique per test, stable across a restart).
    public static func databaseName(for directory: URL) -> String {
        let tail = directory.lastPathComponent.lowercased().filter { $0.isLetter || $0.isNumber }
        return "pasar_test_\(tail.suffix(40))"
    }
}
