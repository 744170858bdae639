import PasarCore

/// Which location gives each line's stock, decided once for both order stores: first the draft's
/// locations in turn, best first, each taking every line or none (the order's stock from one
/// place, as customers and warehouses prefer); then, when none has everything and the market
/// allows split shipments, the locations in the same order again, each taking every remaining line
/// it holds. A line is never split across locations.
///
/// A store asks for the next `Attempt`, runs its conditional reservations (inside a savepoint when
/// `guarded`, so a refused all-or-nothing attempt leaves nothing behind) and reports which lines it
/// reserved, until `next()` is nil; `result()` then gives the shipments or the shortage.
///
/// ```swift
/// var allocation = StockAllocation(draft)
/// while let attempt = allocation.next() {
///     allocation.record(reserved: try reserve(attempt))
/// }
/// let placement = try allocation.result()
/// ```
struct StockAllocation {
    struct Attempt {
        let location: String
        let lines: [OrderLine]
        /// Every line or none: stop at the first shortage, and roll back what was reserved.
        let allOrNothing: Bool
        /// A refusal is not the end: run it in a savepoint.
        let guarded: Bool
    }

    /// Where each line's stock was reserved, as shipments in the order their locations were tried.
    struct Placement {
        /// Location and line numbers of each shipment; the first location is the order's.
        let shipments: [(location: String, lineNumbers: [Int])]

        var location: String { shipments.first?.location ?? "" }
    }

    private let lines: [OrderLine]
    private let locations: [String]
    private let splits: Bool
    /// Index into `attempts()`.
    private var position = 0
    private var remaining: [OrderLine]
    private var taken: [(location: String, lineNumbers: [Int])] = []
    private var firstShortage: (sku: String, location: String)?
    private var last: Attempt?

    init(_ draft: OrderDraft) {
        lines = draft.lines
        locations = draft.stockLocations
        remaining = draft.lines
        splits = draft.shipmentPolicy == .allowSplit && draft.fulfilment.kind == .ship && draft.lines.count > 1 && draft.stockLocations.count > 1
    }

    /// The next reservation to try, nil when done.
    mutating func next() -> Attempt? {
        guard !remaining.isEmpty else { return nil }
        let whole = locations.count
        let attempt: Attempt
        if position < whole {
            // A whole-order attempt; another follows unless this is the last location and no split pass comes.
            attempt = Attempt(location: locations[position], lines: lines, allOrNothing: true, guarded: position < whole - 1 || splits)
        } else if splits, position < 2 * whole {
            attempt = Attempt(location: locations[position - whole], lines: remaining, allOrNothing: false, guarded: false)
        } else {
            return nil
        }
        position += 1
        last = attempt
        return attempt
    }

    /// What the last attempt reserved: line numbers (all of them or none for an all-or-nothing attempt),
    /// and the first line it found short, if any.
    mutating func record(reserved: [Int], shortage: String?) {
        guard let attempt = last else { return }
        if let shortage { firstShortage = firstShortage ?? (shortage, attempt.location) }
        guard !reserved.isEmpty else { return }
        if attempt.allOrNothing {
            taken = [(attempt.location, reserved)]
            remaining = []
        } else {
            taken.append((attempt.location, reserved))
            remaining.removeAll { reserved.contains($0.number) }
        }
    }

    /// The shipments once every line found its location, else the first shortage met.
    func result() throws -> Placement {
        guard remaining.isEmpty else {
            throw OrderStoreError.outOfStock(sku: firstShortage?.sku ?? remaining[0].sku, location: firstShortage?.location ?? "")
        }
        return Placement(shipments: taken)
    }
}
