import PasarCore

/// `CartMerge`'s plan turned into line writes, the same for every cart store: a guest line the
/// target lacks moves over with its planned quantity; a line both carts have takes the planned
/// quantity and the price snapshot the plan chose.
struct CartMergeSteps {
    enum Step {
        case move(lineID: String, quantity: Int64)
        case update(lineID: String, quantity: Int64, pricedLike: StoredCartLine)
    }

    let changes: [CartMerge.Change]
    let steps: [Step]

    init(source: StoredCart, into target: StoredCart, limits: CartLimits) {
        changes = CartMerge.plan(
            guest: source.lines.map { CartMerge.Line(sku: $0.sku, quantity: $0.quantity, pricedAt: $0.pricedAt) },
            into: target.lines.map { CartMerge.Line(sku: $0.sku, quantity: $0.quantity, pricedAt: $0.pricedAt) },
            maxQuantity: limits.maxQuantityPerLine)
        let sourceLines = Dictionary(source.lines.map { ($0.sku, $0) }, uniquingKeysWith: { first, _ in first })
        let targetLines = Dictionary(target.lines.map { ($0.sku, $0) }, uniquingKeysWith: { first, _ in first })
        steps = changes.compactMap { change in
            guard let guestLine = sourceLines[change.sku] else { return nil }
            guard let targetLine = targetLines[change.sku] else { return .move(lineID: guestLine.id, quantity: change.quantityAfter) }
            return .update(lineID: targetLine.id, quantity: change.quantityAfter, pricedLike: change.priceFromGuest ? guestLine : targetLine)
        }
    }
}
