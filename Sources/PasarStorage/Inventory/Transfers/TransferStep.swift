public import FoundationEssentials

/// One step of a transfer, decided once for both databases: the status it moves from and to, and
/// the stock each line moves (out of the source when shipped, into the destination when received,
/// back into the source when a transfer in transit is cancelled). Each inventory store runs it in
/// one transaction: the conditional status update, then each stock move through its ledger (which
/// refuses to take units below what is reserved).
public struct TransferStep: Sendable {
    public enum Action: String, Sendable {
        case ship
        case receive
        case cancel
    }

    struct StockMove {
        let location: String
        let sku: String
        let delta: Int64
        let reason: StockReason
    }

    let transfer: StockTransfer
    let target: StockTransfer.Status
    let stockMoves: [StockMove]
    let actor: String
    let now: Date

    /// `TransferError.notAllowed` when the transfer's status does not allow the action.
    public init(_ action: Action, on transfer: StockTransfer, actor: String, now: Date = Date()) throws {
        self.transfer = transfer
        self.actor = actor
        self.now = now
        switch (action, transfer.status) {
        case (.ship, .requested):
            target = .inTransit
            stockMoves = transfer.lines.map { StockMove(location: transfer.from, sku: $0.sku, delta: -$0.quantity, reason: .transferOut) }
        case (.receive, .inTransit):
            target = .received
            stockMoves = transfer.lines.map { StockMove(location: transfer.to, sku: $0.sku, delta: $0.quantity, reason: .transferIn) }
        case (.cancel, .requested):
            target = .cancelled
            stockMoves = []
        case (.cancel, .inTransit):
            // The goods turn back: they arrive at the source again.
            target = .cancelled
            stockMoves = transfer.lines.map { StockMove(location: transfer.from, sku: $0.sku, delta: $0.quantity, reason: .transferIn) }
        default:
            throw TransferError.notAllowed(from: transfer.status, action: action)
        }
    }

    /// The conditional status update: no row when another request moved the transfer first.
    var statusUpdate: SQLFragment {
        let stamp: SQLFragment =
            switch target {
            case .inTransit: ", shipped_at = \(now.millis)"
            case .received: ", received_at = \(now.millis)"
            default: ""
            }
        return """
            UPDATE stock_transfers SET status = \(target.rawValue), updated_at = \(now.millis)\(stamp) \
            WHERE id = \(transfer.id) AND status = \(transfer.status.rawValue) RETURNING id
            """
    }

    var context: StockMoveContext { StockMoveContext(reference: transfer.id, note: transfer.note, actor: actor, now: now) }
}

/// A transfer step its status does not allow, or a transfer that moved meanwhile.
public enum TransferError: Error, Equatable {
    case notAllowed(from: StockTransfer.Status, action: TransferStep.Action)
    case concurrentChange(String)
}
