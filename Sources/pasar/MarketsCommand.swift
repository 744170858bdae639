import ArgumentParser

/// `pasar markets`: check and inspect the market configuration files.
struct MarketsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markets",
        abstract: "Validate, list and show market configuration files."
    )
}
