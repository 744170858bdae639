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
    }

    /// A line that could not be imported.
    public struct LineError: Error, CustomStringConvertible {
        public let line: Int
        public let field: String?
        public let message: String
        public var description: String { "line \(line)\(field.map { " (\($0))" } ?? ""): \(message)" }
    }

    let store: any CatalogStore
    let markets: MarketSnapshot
    let batchSize: Int

    public init(store: any CatalogStore, markets: MarketSnapshot, batchSize: Int = 500) {
        self.store = store
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
        let decoder = JSONDecoder()
        while let (number, line) = try lines.next() {
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            let record: CatalogRecord
            do {
                record = try decoder.decode(CatalogRecord.self, from: Data(line))
            } catch let error as DecodingError {
                let problem = JSONBody.problem(for: error)
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
                }
            } catch let problem as Problem {
                throw LineError(line: number, field: problem.field, message: problem.detail)
            }
            if categories.count + products.count >= batchSize {
                try await flush(&categories, &products, into: &summary)
            }
        }
        try await flush(&categories, &products, into: &summary)
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
