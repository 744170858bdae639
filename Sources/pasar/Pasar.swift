import ArgumentParser

/// The `pasar` command: runs the storefront backend and its tools.
@main
struct Pasar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pasar",
        abstract: "A localization-aware, multi-market storefront backend.",
        subcommands: [ServeCommand.self, ImportCommand.self, MarketsCommand.self, FormatCommand.self, KeysCommand.self, BackupCommand.self, RestoreCommand.self]
    )
}
