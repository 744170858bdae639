public import FoundationEssentials
public import PasarCore

/// Customers' saved addresses on either database (`SharedSQLRunner`). One default per customer and
/// kind: the first address of a kind becomes it, and making another the default takes it from the
/// old one in the same write (a partial unique index holds the rule).
public final class CustomerAddressStore: Sendable {
    let runner: any SharedSQLRunner
    /// Most addresses one customer keeps.
    public static let limit = 20

    init(runner: any SharedSQLRunner) {
        self.runner = runner
    }

    static let columns = "id, customer_id, kind, is_default, name, line1, line2, postal_code, city, country, latitude, longitude, created_at"

    /// The customer's addresses, defaults first, then oldest first.
    public func addresses(customerID: String) async throws -> [SavedAddress] {
        try await runner.rows(
            """
            SELECT \(raw: Self.columns) FROM customer_addresses WHERE customer_id = \(customerID) \
            ORDER BY is_default DESC, created_at, \(raw: runner.dialect.bytewise("id"))
            """
        ).compactMap(Self.address)
    }

    public func address(id: String, customerID: String) async throws -> SavedAddress? {
        try await runner.rows("SELECT \(raw: Self.columns) FROM customer_addresses WHERE id = \(id) AND customer_id = \(customerID)")
            .first.flatMap(Self.address)
    }

    /// Saves an address; it becomes the default of its kind when asked or when the customer has none.
    /// Nil when the customer already keeps `limit` addresses. Two first addresses of a kind saved at
    /// the same instant both try to be the default; the unique index lets one win and the other,
    /// inserting nothing, runs again and finds the default taken.
    public func add(_ address: SavedAddress, makeDefault: Bool) async throws -> SavedAddress? {
        if let saved = try await insert(address, makeDefault: makeDefault) { return saved }
        return try await insert(address, makeDefault: makeDefault)
    }

    private func insert(_ address: SavedAddress, makeDefault: Bool) async throws -> SavedAddress? {
        let shipTo = address.address
        let becomesDefault: SQLFragment =
            makeDefault
            ? "1"
            : """
            CASE WHEN EXISTS (SELECT 1 FROM customer_addresses d WHERE d.customer_id = \(address.customerID) \
            AND d.kind = \(address.kind.rawValue) AND d.is_default = 1) THEN 0 ELSE 1 END
            """
        let hasRoom: SQLFragment = "(SELECT COUNT(*) FROM customer_addresses c WHERE c.customer_id = \(address.customerID)) < \(Self.limit)"
        var statements: [SQLFragment] = []
        if makeDefault { statements.append(Self.clearDefault(customerID: address.customerID, kind: address.kind) + " AND \(hasRoom)") }
        statements.append(
            """
            INSERT INTO customer_addresses (\(raw: Self.columns)) \
            SELECT \(address.id), \(address.customerID), \(address.kind.rawValue), \(becomesDefault), \(shipTo.name), \(shipTo.line1), \
            \(shipTo.line2), \(shipTo.postalCode), \(shipTo.city), \(shipTo.country), \(address.latitude.map(String.init(describing:))), \
            \(address.longitude.map(String.init(describing:))), \(address.createdAt.millis) \
            WHERE \(hasRoom) ON CONFLICT DO NOTHING RETURNING \(raw: Self.columns)
            """)
        return try await runner.write(statements).last?.first.flatMap(Self.address)
    }

    /// Makes an address the default of its kind; nil when the customer has no such address.
    public func makeDefault(id: String, customerID: String) async throws -> SavedAddress? {
        guard let current = try await address(id: id, customerID: customerID) else { return nil }
        let results = try await runner.write([
            Self.clearDefault(customerID: customerID, kind: current.kind),
            "UPDATE customer_addresses SET is_default = 1 WHERE id = \(id) AND customer_id = \(customerID) RETURNING \(raw: Self.columns)",
        ])
        return results.last?.first.flatMap(Self.address)
    }

    /// Forgets an address; false when the customer has no such address.
    public func delete(id: String, customerID: String) async throws -> Bool {
        let deleted = try await runner.write(["DELETE FROM customer_addresses WHERE id = \(id) AND customer_id = \(customerID) RETURNING id"])
        return deleted.first?.isEmpty == false
    }

    private static func clearDefault(customerID: String, kind: SavedAddress.Kind) -> SQLFragment {
        "UPDATE customer_addresses SET is_default = 0 WHERE customer_id = \(customerID) AND kind = \(kind.rawValue) AND is_default = 1"
    }

    private static func address(_ row: [SQLValue?]) -> SavedAddress? {
        guard let id = row[0]?.text, let customerID = row[1]?.text, let kind = row[2]?.text.flatMap(SavedAddress.Kind.init(rawValue:)),
            let name = row[4]?.text, let line1 = row[5]?.text, let postalCode = row[7]?.text, let city = row[8]?.text, let country = row[9]?.text
        else { return nil }
        return SavedAddress(
            id: id, customerID: customerID, kind: kind, isDefault: row[3]?.integer == 1,
            address: ShippingAddress(name: name, line1: line1, line2: row[6]?.text, postalCode: postalCode, city: city, country: country),
            latitude: row[10]?.text.flatMap(Double.init), longitude: row[11]?.text.flatMap(Double.init), createdAt: Date(millis: row[12]?.integer ?? 0))
    }
}
