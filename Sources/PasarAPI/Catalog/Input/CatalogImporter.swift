import Foundation
import PasarCore
public import PasarMarkets
public import PasarStorage

/// Loads a catalog file (JSON Lines: one category or product per line) into the store.
///
/// Each batch of lines is validated completely and then written in one transaction; the first bad
/// line stops the import with its line number and field. Saving is an upsert, so running the same
/// file again after a fix is safe.
public struct CatalogImporter: Sendable {
    /// What an import did.
    public struct Summary: Sendable, Equatable {
        public var categories = 0
        public var products = 0
        public var prices = 0
        public var stockRows = 0
        /// Seconds spent reading and validating lines, writing products with their search rows, and
        /// receiving stock.
        public var parseSeconds = 0.0
        public var writeSeconds = 0.0
        public var stockSeconds = 0.0
    }

    /// A line that could not be imported.
    public struct LineError: Error, CustomStringConvertible {
        public let line: Int
        public let field: String?
        public let message: String
        public var description: String { "line \(line)\(field.map { " (\($0))" } ?? ""): \(message)" }
    }

    let store: any CatalogStore
    let inventory: (any InventoryStore)?
    let markets: MarketSnapshot
    let batchSize: Int

    /// Without `inventory`, stock lines are refused.
    public init(store: any CatalogStore, inventory: (any InventoryStore)? = nil, markets: MarketSnapshot, batchSize: Int = 1000) {
        self.store = store
        self.inventory = inventory
        self.markets = markets
        self.batchSize = batchSize
    }

    public func importFile(at path: String) async throws -> Summary {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LineError(line: 0, field: nil, message: "cannot open \(path)")
        }
        defer { try? handle.close() }
        var summary = Summary()
        var lines = LineReader(handle: handle)
        var categories: [Category] = []
        var products: [(Product, [PriceEntry])] = []
        let validator = CatalogInputValidator(markets: markets)
        var stock: [String: [String: Int64]] = [:]
        let clock = ContinuousClock()
        var started = clock.now
        while let (number, line) = try lines.next() {
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            let record: CatalogRecord
            do {
                record = try JSONRequestDecoder.decode(CatalogRecord.self, from: line)
            } catch let problem as Problem {
                throw LineError(line: number, field: problem.field, message: problem.detail)
            }
            do {
                switch record {
                case .category(let input):
                    guard let id = input.id else { throw Problem.invalidField("id", "is required") }
                    categories.append(try validator.category(input, id: id))
                case .product(let input):
                    guard let id = input.id else { throw Problem.invalidField("id", "is required") }
                    let (product, prices) = try validator.product(input, id: id)
                    products.append((product, prices ?? []))
                case .stock(let input):
                    guard inventory != nil else { throw Problem.invalidField("type", "stock lines need a database with inventory") }
                    guard markets.markets.contains(where: { $0.stockLocation(id: input.location) != nil }) else {
                        throw Problem.invalidField("location", "'\(input.location)' is not a store or warehouse of any market")
                    }
                    guard input.quantity >= 0 else { throw Problem.invalidField("quantity", "must not be negative") }
                    stock[input.location, default: [:]][input.sku, default: 0] += input.quantity
                }
            } catch let problem as Problem {
                throw LineError(line: number, field: problem.field, message: problem.detail)
            }
            if categories.count + products.count >= batchSize {
                summary.parseSeconds += Self.seconds(started.duration(to: clock.now))
                started = clock.now
                try await flush(&categories, &products, into: &summary)
                summary.writeSeconds += Self.seconds(started.duration(to: clock.now))
                started = clock.now
            }
        }
        summary.parseSeconds += Self.seconds(started.duration(to: clock.now))
        started = clock.now
        try await flush(&categories, &products, into: &summary)
        summary.writeSeconds += Self.seconds(started.duration(to: clock.now))
        if let inventory, !stock.isEmpty {
            started = clock.now
            let received = stock
            summary.stockRows = try await inventory.seedDemoStock(locations: received.keys.sorted()) { sku, location in
                received[location]?[sku] ?? 0
            }
            summary.stockSeconds = Self.seconds(started.duration(to: clock.now))
        }
        return summary
    }

    private func flush(
        _ categories: inout [Category], _ products: inout [(Product, [PriceEntry])], into summary: inout Summary
    ) async throws {
        guard !categories.isEmpty || !products.isEmpty else { return }
        try await store.importBatch(categories: categories, products: products)
        summary.categories += categories.count
        summary.products += products.count
        summary.prices += products.reduce(0) { $0 + $1.1.count }
        categories.removeAll(keepingCapacity: true)
        products.removeAll(keepingCapacity: true)
    }
}

extension CatalogImporter {
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// Reads a file line by line in large chunks, without loading it whole.
struct LineReader {
    let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var lineNumber = 0
    private var finished = false

    init(handle: FileHandle) { self.handle = handle }

    mutating func next() throws -> (Int, [UInt8])? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 10) {
                let line = Array(buffer[position..<newline])
                position = newline + 1
                lineNumber += 1
                return (lineNumber, line)
            }
            if finished {
                guard position < buffer.count else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                lineNumber += 1
                return (lineNumber, line)
            }
            buffer.removeFirst(position)
            position = 0
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { finished = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
