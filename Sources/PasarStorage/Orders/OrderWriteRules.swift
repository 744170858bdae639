import FoundationEssentials
import PasarCore

/// What both order stores decide before and after their SQL, kept in one place so SQLite and
/// PostgreSQL give the same answers.
enum OrderWriteRules {
    /// What placing a draft writes that needs encoding (the `orders` columns that depend on how the
    /// order is fulfilled, its snapshot JSON, each line's formatted amounts, the `order_placed` event),
    /// made before the transaction so the writer, which every checkout waits for, only runs SQL.
    struct Encoded {
        let snapshot: String
        let shippingMethod: String?
        let shippingAddress: String?
        let pickupStore: String?
        /// `formatted` of each line, in line order.
        let lineFormatted: [String]
        /// The shipment every line starts in: 1 for a ship order (`OrderShipmentSQL.placement` moves
        /// lines to later ones), none for click & collect.
        let firstShipment: Int64?
        let placedEvent: OutboxEntry

        init(_ draft: OrderDraft) throws {
            snapshot = try JSONColumn.encode(
                OrderSnapshot(
                    totals: draft.totals, vouchers: draft.vouchers, payment: draft.payment, fulfilment: draft.fulfilment,
                    stockLocations: draft.stockLocations, delivery: draft.delivery))
            switch draft.fulfilment {
            case .ship(let method, let shipTo):
                shippingMethod = method
                shippingAddress = try JSONColumn.encode(shipTo)
                pickupStore = nil
            case .collect(let store):
                shippingMethod = nil
                shippingAddress = nil
                pickupStore = store
            }
            lineFormatted = try draft.lines.map { try JSONColumn.encode($0.formatted) }
            firstShipment = draft.fulfilment.kind == .ship ? 1 : nil
            placedEvent = try OutboxEntry(placed: draft)
        }
    }

    /// The order a placement just wrote, built from its draft: no read inside the write.
    static func placed(_ draft: OrderDraft, _ placement: StockAllocation.Placement) throws -> Order {
        let shipments =
            draft.fulfilment.kind == .ship
            ? placement.shipments.enumerated().map { index, shipment in
                OrderShipment(number: Int64(index + 1), location: shipment.location, status: .pending, lineNumbers: shipment.lineNumbers)
            } : []
        return Order(
            status: .placed, draft: draft, stockLocation: placement.location, lines: draft.lines, paidAt: nil,
            refunded: Money.zero(try OrderSnapshot.currency(draft.totals.total.currency.code)),
            history: [OrderStatusChange(status: .placed, actor: draft.channel, note: nil, at: draft.placedAt)], shipments: shipments,
            updatedAt: draft.placedAt)
    }

    /// Checks a status step against the order's state; returns whether it takes the payment now and
    /// the `paid_at` it sets (nil keeps the stored one).
    static func payment(of change: OrderStatusChangeRequest, on order: Order) throws(OrderStoreError) -> (capturedNow: Bool, paidAt: Int64?) {
        do throws(OrderTransitionError) {
            try order.status.validateMove(to: change.target, fulfilment: order.fulfilment.kind, isPaid: order.isPaid || change.captureReference != nil)
        } catch {
            throw .transition(error)
        }
        let capturedNow = change.captureReference != nil && !order.isPaid
        return (capturedNow, change.target == .paid || capturedNow ? change.now.millis : nil)
    }

    /// The refund of `quantity` units of `line`, given the line's returned count after the
    /// conditional update that took them (nil when it refused: more than was bought).
    static func returnLine(_ line: OrderLine, of order: Order, quantity: Int64, returnedAfter: Int64?) throws -> OrderReturn.Line {
        let before = returnedAfter.map { $0 - quantity } ?? line.returnedQuantity
        let refund: RefundCalculator.Refund
        do throws(RefundError) {
            refund = try RefundCalculator.refund(line.paid(pricesIncludeTax: order.pricesIncludeTax), alreadyReturned: before, returning: quantity)
        } catch {
            throw OrderStoreError.refund(line: line.number, error)
        }
        guard returnedAfter != nil else { throw OrderStoreError.refund(line: line.number, .moreThanBought(remaining: line.quantity - before)) }
        return OrderReturn.Line(lineNumber: line.number, sku: line.sku, refund: refund)
    }
}
