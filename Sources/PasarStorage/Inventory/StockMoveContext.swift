import FoundationEssentials

/// What every stock movement row records besides the change: the order or return it belongs to,
/// a note, who moved the stock and when. Shared by both stock ledgers.
struct StockMoveContext {
    let reference: String?
    let note: String?
    let actor: String
    let now: Date
}
