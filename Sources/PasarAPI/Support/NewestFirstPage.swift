import Hummingbird

/// A page of an admin log read newest first (webhook deliveries, emails): the items and, when the
/// page is full, the cursor to pass as `before` for older ones (absent on the last page).
struct NewestFirstPage<Item: Encodable>: ResponseEncodable {
    let items: [Item]
    let nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case items
        case nextCursor = "next_cursor"
    }

    /// `rows` as read with `limit`; the last row's `cursor` (an event sequence) continues the list.
    init<Row>(_ rows: [Row], limit: Int, view: (Row) -> Item, cursor: (Row) -> Int64?) {
        items = rows.map(view)
        nextCursor = rows.count == limit ? rows.last.flatMap(cursor).map { String($0) } : nil
    }
}
