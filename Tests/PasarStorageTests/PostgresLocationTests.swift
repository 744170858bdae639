import PasarStorage
import Testing

/// `--db postgres://…` as an operator writes it: TCP or a local socket, TLS by default over TCP.
struct PostgresLocationTests {
    @Test func tcpWithPasswordDefaultsToRequiredTLS() throws {
        let location = try PostgresLocation(url: "postgres://shop:s%40cret@db.internal:6432/pasar")
        #expect(location.endpoint == .tcp(host: "db.internal", port: 6432))
        #expect(location.username == "shop")
        #expect(location.password == "s@cret")
        #expect(location.database == "pasar")
        #expect(location.tls == .require)
    }

    @Test func socketDirectoryFromTheHostParameter() throws {
        let location = try PostgresLocation(url: "postgresql://shop@/pasar?host=/var/run/postgresql&port=5433")
        #expect(location.endpoint == .socket(path: "/var/run/postgresql/.s.PGSQL.5433"))
        #expect(location.tls == .disable)
        #expect(location.server == "/var/run/postgresql/.s.PGSQL.5433")
    }

    @Test func databaseDefaultsToTheUserName() throws {
        let location = try PostgresLocation(url: "postgres://shop@localhost?sslmode=disable")
        #expect(location.database == "shop")
        #expect(location.endpoint == .tcp(host: "localhost", port: 5432))
        #expect(location.tls == .disable)
    }

    @Test(arguments: ["pasar.sqlite", "mysql://x@y/z", "postgres://shop@db/pasar?sslmode=verify-full"])
    func refusesWhatItCannotUse(_ text: String) {
        #expect(throws: PostgresLocationError.self) { try PostgresLocation(url: text) }
    }

    @Test func logsNeverShowThePassword() {
        #expect(PostgresLocation.redacted("postgres://shop:secret@db/pasar") == "postgres://shop:***@db/pasar")
        #expect(PostgresLocation.redacted("pasar.sqlite") == "pasar.sqlite")
    }
}
