import Foundation
import GRDB
public import PasarCore
import PasarLocalization

extension SQLiteCartStore {
    public func saveVoucher(_ voucher: Voucher) async throws {
        let definition = try JSONColumn.encode(VoucherRecord(voucher))
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO vouchers (code, definition, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT(code) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at
                    """,
                arguments: [voucher.code, definition, Date().millis])
        }
    }

    public func voucher(code: String) async throws -> Voucher? {
        try await vouchers(codes: [Voucher.normalize(code)]).values.first
    }

    public func vouchers(codes: [String]) async throws -> [String: Voucher] {
        guard !codes.isEmpty else { return [:] }
        return try await pool.read { db in
            let placeholders = Array(repeating: "?", count: codes.count).joined(separator: ",")
            let rows = try Row.fetchAll(
                db, sql: "SELECT code, definition FROM vouchers WHERE code IN (\(placeholders))", arguments: StatementArguments(codes))
            var found: [String: Voucher] = [:]
            for row in rows {
                found[row["code"]] = try JSONColumn.decode(VoucherRecord.self, from: row["definition"]).voucher()
            }
            return found
        }
    }
}

/// The stored form of a voucher: amounts as minor units per currency code, times as seconds.
struct VoucherRecord: Codable {
    var code: String
    var kind: String
    var percent: ExactDecimal?
    var amounts: [String: Int64]?
    var markets: [String]?
    var minimumSpend: [String: Int64]
    var validFrom: Double?
    var validUntil: Double?
    var customerGroups: [String]?
    var channels: [String]?
    var maxUses: Int64?
    var maxUsesPerCustomer: Int64?

    init(_ voucher: Voucher) {
        code = voucher.code
        switch voucher.benefit {
        case .percentage(let rate):
            kind = "percentage"
            percent = rate
        case .fixed(let values):
            kind = "fixed"
            amounts = values.mapValues(\.minorUnits)
        case .freeShipping:
            kind = "free_shipping"
        }
        markets = voucher.markets
        minimumSpend = voucher.minimumSpend.mapValues(\.minorUnits)
        validFrom = voucher.validFrom?.timeIntervalSince1970
        validUntil = voucher.validUntil?.timeIntervalSince1970
        customerGroups = voucher.customerGroups
        channels = voucher.channels
        maxUses = voucher.maxUses
        maxUsesPerCustomer = voucher.maxUsesPerCustomer
    }

    func voucher() throws -> Voucher {
        let benefit: Voucher.Benefit
        switch kind {
        case "percentage":
            guard let percent else { throw StorageError.corrupt("voucher \(code)") }
            benefit = .percentage(percent)
        case "fixed": benefit = .fixed(try Self.money(amounts ?? [:]))
        case "free_shipping": benefit = .freeShipping
        default: throw StorageError.corrupt("voucher \(code)")
        }
        return Voucher(
            code: code, benefit: benefit, markets: markets, minimumSpend: try Self.money(minimumSpend),
            validFrom: validFrom.map(Date.init(timeIntervalSince1970:)), validUntil: validUntil.map(Date.init(timeIntervalSince1970:)),
            customerGroups: customerGroups, channels: channels, maxUses: maxUses, maxUsesPerCustomer: maxUsesPerCustomer)
    }

    private static func money(_ values: [String: Int64]) throws -> [String: Money] {
        var result: [String: Money] = [:]
        for (code, minor) in values {
            guard let currency = try? CurrencyCatalog.currency(code) else { throw StorageError.corrupt("voucher currency \(code)") }
            result[code] = Money(minorUnits: minor, currency: currency)
        }
        return result
    }
}
