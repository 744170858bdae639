import Foundation
public import PasarCore
import PostgresNIO

extension PostgresCartStore {
    public func saveVoucher(_ voucher: Voucher) async throws {
        let definition = try JSONColumn.encode(VoucherRecord(voucher))
        try await database.write { connection in
            try await connection.execute(
                """
                INSERT INTO vouchers (code, definition, updated_at) VALUES (\(voucher.code), \(definition), \(Date().millis))
                ON CONFLICT (code) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at
                """)
        }
    }

    public func voucher(code: String) async throws -> Voucher? {
        try await vouchers(codes: [Voucher.normalize(code)]).values.first
    }

    public func vouchers(codes: [String]) async throws -> [String: Voucher] {
        guard !codes.isEmpty else { return [:] }
        return try await database.read { connection in
            var found: [String: Voucher] = [:]
            for row in try await connection.rows("SELECT code, definition FROM vouchers WHERE code = ANY(\(codes))") {
                found[try row.get("code")] = try JSONColumn.decode(VoucherRecord.self, from: try row.get("definition")).voucher()
            }
            return found
        }
    }
}
