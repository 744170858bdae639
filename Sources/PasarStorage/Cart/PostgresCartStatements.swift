import Foundation
import PostgresNIO

/// The statements every cart request runs, prepared once per connection so the server parses and
/// plans them once instead of on every request (about a third of the database's CPU per cart write).
enum PostgresCartStatements {
    /// A cart, its lines and its voucher codes (JSON arrays), unless it expired.
    struct Fetch: PostgresPreparedStatement {
        static let sql = """
            SELECT carts.*,
                (SELECT coalesce(json_agg(line ORDER BY line.added_at, line.id COLLATE "C"), '[]')::text
                 FROM cart_lines line WHERE line.cart_id = carts.id) AS lines_json,
                (SELECT coalesce(json_agg(voucher.code ORDER BY voucher.applied_at, voucher.code COLLATE "C"), '[]')::text
                 FROM cart_vouchers voucher WHERE voucher.cart_id = carts.id) AS vouchers_json
            FROM carts WHERE id = $1 AND (status != 'active' OR updated_at > $2)
            """
        typealias Row = PostgresRow

        let id: String
        let expiryCutoff: Int64

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings()
            bindings.append(id)
            bindings.append(expiryCutoff)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
    }

    /// `PostgresCartStore.touch`: bumps the version and records the channel when the cart is active,
    /// unexpired, at the expected version and in the expected market; returns a row when it did.
    struct Touch: PostgresPreparedStatement {
        static let sql = """
            UPDATE carts SET version = version + 1, updated_at = $1,
                items_updated_at = CASE WHEN $2 THEN $1 ELSE items_updated_at END,
                channels = CASE WHEN strpos(channels, ',' || $3 || ',') > 0 THEN channels ELSE channels || $3 || ',' END
            WHERE id = $4 AND status = 'active' AND updated_at > $5
              AND ($6::BIGINT IS NULL OR version = $6) AND ($7::TEXT IS NULL OR market = $7)
            RETURNING version
            """
        static let bindingDataTypes: [PostgresDataType] = [.int8, .bool, .text, .text, .int8, .int8, .text]
        typealias Row = PostgresRow

        let write: CartWrite
        let itemsChanged: Bool
        let market: String?
        let expiryCutoff: Int64

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings()
            bindings.append(write.now.millis)
            bindings.append(itemsChanged)
            bindings.append(write.channel)
            bindings.append(write.cartID)
            bindings.append(expiryCutoff)
            bindings.append(write.expectedVersion)
            bindings.append(market)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
    }

    /// Adding a line in one round trip: the touch (as `Touch`, in the priced market) and the insert or
    /// increment, which needs the touched cart, room for a new SKU and an increment within the per-line
    /// maximum. Always one row: whether the cart was touched, and the line written (null when refused).
    struct TouchAndAddLine: PostgresPreparedStatement {
        static let sql = """
            WITH touched AS (
                UPDATE carts SET version = version + 1, updated_at = $10, items_updated_at = $10,
                    channels = CASE WHEN strpos(channels, ',' || $9 || ',') > 0 THEN channels ELSE channels || $9 || ',' END
                WHERE id = $2 AND status = 'active' AND updated_at > $13 AND ($14::BIGINT IS NULL OR version = $14) AND market = $15
                RETURNING id
            ), added AS (
                INSERT INTO cart_lines AS line (id, cart_id, sku, product_id, quantity, unit_minor, tax_rate, unavailable_reason,
                                                channel, added_at, updated_at, priced_at, compare_at_minor, customer_group)
                SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $10, $16, $17 FROM touched
                WHERE EXISTS (SELECT 1 FROM cart_lines WHERE cart_id = $2 AND sku = $3)
                   OR (SELECT count(*) FROM cart_lines WHERE cart_id = $2) < $12
                ON CONFLICT (cart_id, sku) DO UPDATE SET
                    quantity = line.quantity + excluded.quantity, unit_minor = excluded.unit_minor,
                    tax_rate = excluded.tax_rate, unavailable_reason = excluded.unavailable_reason,
                    updated_at = excluded.updated_at, priced_at = excluded.priced_at,
                    compare_at_minor = excluded.compare_at_minor, customer_group = excluded.customer_group
                WHERE line.quantity + excluded.quantity <= $11
                RETURNING id, quantity
            )
            SELECT (SELECT count(*) FROM touched) AS touched, added.id, added.quantity FROM (SELECT 1) AS one LEFT JOIN added ON true
            """
        static let bindingDataTypes: [PostgresDataType] = [
            .text, .text, .text, .text, .int8, .int8, .text, .text, .text, .int8, .int8, .int8, .int8, .int8, .text, .int8, .text,
        ]
        typealias Row = PostgresRow

        let line: NewCartLine
        let write: CartWrite
        let market: String
        let limits: CartLimits
        let expiryCutoff: Int64

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings()
            bindings.append(line.id)
            bindings.append(write.cartID)
            bindings.append(line.sku)
            bindings.append(line.productID)
            bindings.append(line.quantity)
            bindings.append(line.price.unitMinorUnits)
            bindings.append(line.price.taxRate)
            bindings.append(line.price.unavailableReason)
            bindings.append(write.channel)
            bindings.append(write.now.millis)
            bindings.append(limits.maxQuantityPerLine)
            bindings.append(Int64(limits.maxLines))
            bindings.append(expiryCutoff)
            bindings.append(write.expectedVersion)
            bindings.append(market)
            bindings.append(line.price.compareAtMinorUnits)
            bindings.append(line.price.customerGroup)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
    }
}

extension PostgresConnection {
    /// Every row of a prepared statement's result, addressable by column name.
    func rows<Statement: PostgresPreparedStatement>(_ statement: Statement) async throws -> [PostgresRandomAccessRow]
    where Statement.Row == PostgresRow {
        try await failingOnClose {
            var rows: [PostgresRandomAccessRow] = []
            for try await row in try await self.execute(statement, logger: PostgresConnection.queryLogger) { rows.append(row.makeRandomAccess()) }
            return rows
        }
    }
}
