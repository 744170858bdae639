import Foundation
import GRDB

/// The keyset-paginated SQL behind a product list: filters, the language's collation order (stored
/// sort keys compare bytewise) or list price, and the cursor condition, in one statement.
struct ProductListSQL {
    let sql: String
    let arguments: StatementArguments
    let sort: ProductSort

    init(query: ProductListQuery, categoryIDs: [String]?) {
        sort = query.sort
        // Joins come first in the statement, so their arguments do too.
        var from = "products p"
        var joinArguments: StatementArguments = []
        if query.sort == .name || query.search != nil {
            from += " JOIN product_index i ON i.product_id = p.id AND i.language = ?"
            joinArguments += [query.language]
        }
        if query.sort == .price {
            from += " JOIN list_prices s ON s.product_id = p.id AND s.market = ?"
            joinArguments += [query.priceMarket]
        }
        var conditions = [
            "(p.markets IS NULL OR instr(p.markets, ?) > 0)",
            "EXISTS (SELECT 1 FROM list_prices lp WHERE lp.market = ? AND lp.product_id = p.id)",
        ]
        var arguments: StatementArguments = [",\(query.market),", query.priceMarket]
        if let channel = query.channel {
            conditions.append("(p.channels IS NULL OR instr(p.channels, ?) > 0)")
            arguments += [",\(channel),"]
        }
        for pattern in CatalogIndexer.searchPatterns(query.search ?? "") {
            conditions.append("i.search_text LIKE ? ESCAPE '\\'")
            arguments += [pattern]
        }
        if let categoryIDs {
            let placeholders = Array(repeating: "?", count: categoryIDs.count).joined(separator: ",")
            conditions.append("EXISTS (SELECT 1 FROM product_categories pc WHERE pc.product_id = p.id AND pc.category_id IN (\(placeholders)))")
            arguments += StatementArguments(categoryIDs)
        }
        let orderColumn: String
        let selectKey: String
        switch query.sort {
        case .name:
            orderColumn = "i.sort_key"
            selectKey = ", i.sort_key AS sort_value"
        case .price:
            orderColumn = "s.amount_minor"
            selectKey = ", s.amount_minor AS sort_value"
        case .id:
            orderColumn = ""
            selectKey = ""
        }
        if let cursor = query.after {
            switch query.sort {
            case .name:
                conditions.append("(i.sort_key > ? OR (i.sort_key = ? AND p.id > ?))")
                let key = Data(Hex.decode(cursor.key) ?? [])
                arguments += [key, key, cursor.productID]
            case .price:
                conditions.append("(s.amount_minor > ? OR (s.amount_minor = ? AND p.id > ?))")
                let amount = Int64(cursor.key) ?? 0
                arguments += [amount, amount, cursor.productID]
            case .id:
                conditions.append("p.id > ?")
                arguments += [cursor.productID]
            }
        }
        let order = orderColumn.isEmpty ? "p.id" : "\(orderColumn), p.id"
        sql = "SELECT p.id AS id\(selectKey) FROM \(from) WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(order) LIMIT \(query.limit + 1)"
        self.arguments = joinArguments + arguments
    }

    /// The cursor that continues after `row`.
    func cursor(after row: Row) -> ProductCursor {
        let id: String = row["id"]
        switch sort {
        case .name:
            let key: Data = row["sort_value"]
            return ProductCursor(sort: .name, key: Hex.encode(Array(key)), productID: id)
        case .price:
            let amount: Int64 = row["sort_value"]
            return ProductCursor(sort: .price, key: String(amount), productID: id)
        case .id:
            return ProductCursor(sort: .id, key: "", productID: id)
        }
    }
}
