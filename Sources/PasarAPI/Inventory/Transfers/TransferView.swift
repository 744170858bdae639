import Hummingbird
import PasarStorage

/// A stock transfer as the API shows it.
struct TransferView: ResponseEncodable {
    struct Line: Encodable {
        let sku: String
        let quantity: Int64
    }

    let id: String
    let market: String
    let from: String
    let to: String
    let status: String
    let lines: [Line]
    let note: String?
    let createdBy: String
    let createdAt: String
    let updatedAt: String
    let shippedAt: String?
    let receivedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, market, from, to, status, lines, note
        case createdBy = "created_by", createdAt = "created_at", updatedAt = "updated_at", shippedAt = "shipped_at", receivedAt = "received_at"
    }

    init(_ transfer: StockTransfer) {
        id = transfer.id
        market = transfer.market
        from = transfer.from
        to = transfer.to
        status = transfer.status.rawValue
        lines = transfer.lines.map { Line(sku: $0.sku, quantity: $0.quantity) }
        note = transfer.note
        createdBy = transfer.createdBy
        createdAt = OrderView.timestamp(transfer.createdAt)
        updatedAt = OrderView.timestamp(transfer.updatedAt)
        shippedAt = transfer.shippedAt.map(OrderView.timestamp)
        receivedAt = transfer.receivedAt.map(OrderView.timestamp)
    }
}

struct TransferListView: ResponseEncodable {
    let items: [TransferView]
}
