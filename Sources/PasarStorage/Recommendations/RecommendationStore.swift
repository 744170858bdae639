public import FoundationEssentials

/// What customers bought, read from order lines on either database (`SharedSQLRunner`): products
/// bought in the same orders as others, a customer's purchases, and a market's best sellers. Orders
/// that were cancelled count for nothing. Ties go to the smaller product id (bytewise on both
/// databases), so the same orders always give the same answer.
public final class RecommendationStore: Sendable {
    let runner: any SharedSQLRunner

    init(runner: any SharedSQLRunner) {
        self.runner = runner
    }

    /// A product with how strongly it is recommended: orders shared with the seeds, or units sold.
    public struct Scored: Sendable, Equatable {
        public let productID: String
        public let score: Int64
    }

    /// Products bought in the same orders as any of `productIDs` (not those themselves), most shared
    /// orders first.
    public func boughtTogether(with productIDs: [String], limit: Int) async throws -> [Scored] {
        guard !productIDs.isEmpty else { return [] }
        let seeds = SQLFragment.list(productIDs.map(SQLValue.text))
        return try await scored(
            """
            SELECT b.product_id, COUNT(DISTINCT b.order_id) FROM order_lines a \
            JOIN order_lines b ON b.order_id = a.order_id JOIN orders o ON o.id = a.order_id \
            WHERE a.product_id IN (\(seeds)) AND b.product_id NOT IN (\(seeds)) AND o.status <> 'cancelled' \
            GROUP BY b.product_id ORDER BY 2 DESC, \(raw: runner.dialect.bytewise("b.product_id")) LIMIT \(limit)
            """)
    }

    /// The products a customer bought (orders under their id, and guest orders with their email), at
    /// most `limit`.
    public func purchases(customerID: String, email: String?, limit: Int) async throws -> [String] {
        try await runner.rows(
            """
            SELECT l.product_id FROM order_lines l JOIN orders o ON o.id = l.order_id \
            WHERE (o.customer_id = \(customerID) OR (o.customer_id IS NULL AND lower(o.email) = lower(\(email ?? "")))) \
            AND o.status <> 'cancelled' GROUP BY l.product_id ORDER BY \(raw: runner.dialect.bytewise("l.product_id")) LIMIT \(limit)
            """
        ).compactMap { $0[0]?.text }
    }

    /// The market's best sellers by units, most first.
    public func bestSellers(market: String, limit: Int) async throws -> [Scored] {
        try await scored(
            """
            SELECT l.product_id, CAST(SUM(l.quantity) AS BIGINT) FROM order_lines l JOIN orders o ON o.id = l.order_id \
            WHERE o.market = \(market) AND o.status <> 'cancelled' \
            GROUP BY l.product_id ORDER BY 2 DESC, \(raw: runner.dialect.bytewise("l.product_id")) LIMIT \(limit)
            """)
    }

    private func scored(_ statement: SQLFragment) async throws -> [Scored] {
        try await runner.rows(statement).compactMap { row in
            guard let id = row[0]?.text, let score = row[1]?.integer else { return nil }
            return Scored(productID: id, score: score)
        }
    }
}
