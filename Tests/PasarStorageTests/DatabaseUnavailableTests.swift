import GRDB
import PasarStorage
import Testing

/// Which SQLite errors mean "the database cannot serve now" (503 `database_unavailable` at the HTTP
/// edge) and which stay what they are. PostgreSQL's side runs end to end in `DatabaseOutageTests`.
struct DatabaseUnavailableTests {
    @Test(arguments: [ResultCode.SQLITE_BUSY, .SQLITE_IOERR, .SQLITE_IOERR_WRITE, .SQLITE_CANTOPEN])
    func busyAndInputOutputErrorsMeanUnavailable(code: ResultCode) {
        #expect(DatabaseUnavailable.describes(DatabaseError(resultCode: code, message: "test")))
    }

    @Test(arguments: [ResultCode.SQLITE_CONSTRAINT_UNIQUE, .SQLITE_ERROR, .SQLITE_CORRUPT])
    func otherErrorsDoNot(code: ResultCode) {
        #expect(!DatabaseUnavailable.describes(DatabaseError(resultCode: code, message: "test")))
        #expect(!DatabaseUnavailable.describes(StorageError.notFound("cart")))
    }
}
