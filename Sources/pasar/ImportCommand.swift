import ArgumentParser
import Foundation
import PasarAPI
import PasarStorage

/// `pasar import FILE`: bulk-loads a catalog file into the database.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a catalog file (JSON Lines of categories, products and stock receipts) into the database.",
        discussion: "Batches of 1000 lines are validated, then written in one transaction each; the first bad line stops the import."
    )

    @Argument(help: "The catalog file (.jsonl).")
    var file: String

    @Option(help: "SQLite database file, or a postgres:// URL.")
    var db: String = Environment.value("PASAR_DB") ?? "pasar.sqlite"

    @Option(help: "Directory of market files.")
    var markets: String = Environment.value("PASAR_MARKETS") ?? BundledFile.path("Locales/markets")

    @OptionGroup var dataDirectory: DataDirectoryOption

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let registry = try MarketsCommand.loadRegistry(directory: markets)
        let stores = try await PasarStores.open(db, indexLanguages: registry.snapshot.markets.flatMap(\.languages), cartLifetime: 3600)
        do {
            let summary = try await CatalogImporter(store: stores.catalog, inventory: stores.inventory, markets: registry.snapshot)
                .importFile(at: file)
            print(
                "imported \(summary.categories) categories, \(summary.products) products, \(summary.prices) prices, "
                    + "\(summary.stockRows) stock rows in \(start.duration(to: clock.now))")
            FileHandle.standardError.write(
                Data(
                    String(
                        format: "stage parse+validate %.1f s\nstage write+fold+index %.1f s\nstage stock %.1f s\n", summary.parseSeconds,
                        summary.writeSeconds, summary.stockSeconds
                    ).utf8))
        } catch let error as CatalogImporter.LineError {
            try await stores.close()
            throw ValidationError("\(file) \(error.description)")
        }
        try await stores.close()
    }
}
