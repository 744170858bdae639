public import FoundationEssentials

/// The documented policy for merging a guest cart into a customer's cart when the guest signs in:
///
/// - lines of the same variant are combined: quantities are summed (capped at `maxQuantity`), and the
///   price snapshot of whichever line was priced more recently is kept;
/// - lines only in the guest cart are moved over unchanged;
/// - vouchers of both carts are kept (the customer cart's discount voucher wins a tie).
///
/// The outcome lists every change so the client can tell the shopper what happened.
public enum CartMerge {
    public struct Line: Sendable, Equatable {
        public let sku: String
        public let quantity: Int64
        public let pricedAt: Date

        public init(sku: String, quantity: Int64, pricedAt: Date) {
            self.sku = sku
            self.quantity = quantity
            self.pricedAt = pricedAt
        }
    }

    /// What happened to one variant.
    public struct Change: Sendable, Equatable, Encodable {
        public enum Kind: String, Sendable, Encodable {
            /// Only in the guest cart: moved over.
            case added
            /// In both: quantities summed.
            case combined
            /// In both, and the sum exceeded the per-line maximum.
            case capped
        }

        public let sku: String
        public let kind: Kind
        public let quantityBefore: Int64
        public let quantityAfter: Int64
        /// True when the guest line's newer price replaced the customer line's.
        public let priceFromGuest: Bool

        public init(sku: String, kind: Kind, quantityBefore: Int64, quantityAfter: Int64, priceFromGuest: Bool) {
            self.sku = sku
            self.kind = kind
            self.quantityBefore = quantityBefore
            self.quantityAfter = quantityAfter
            self.priceFromGuest = priceFromGuest
        }

        enum CodingKeys: String, CodingKey {
            case sku, kind, quantityBefore = "quantity_before", quantityAfter = "quantity_after", priceFromGuest = "price_from_guest"
        }
    }

    /// The changes merging `guest` into `target` makes, one per guest variant.
    public static func plan(guest: [Line], into target: [Line], maxQuantity: Int64) -> [Change] {
        let existing = Dictionary(target.map { ($0.sku, $0) }, uniquingKeysWith: { first, _ in first })
        return guest.map { line in
            guard let current = existing[line.sku] else {
                return Change(sku: line.sku, kind: .added, quantityBefore: 0, quantityAfter: min(line.quantity, maxQuantity), priceFromGuest: true)
            }
            let (sum, overflow) = current.quantity.addingReportingOverflow(line.quantity)
            let capped = overflow || sum > maxQuantity
            return Change(
                sku: line.sku, kind: capped ? .capped : .combined, quantityBefore: current.quantity,
                quantityAfter: capped ? maxQuantity : sum, priceFromGuest: line.pricedAt > current.pricedAt)
        }
    }
}
