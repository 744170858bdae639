import ArgumentParser
import Foundation

/// Where the files that ship with Pasar (`Locales/`, `Fixtures/catalog/`) are, for defaults that
/// must work from any directory: under the working directory when it holds them (a checkout),
/// else under the nearest folder above the executable that does (`.build/release/pasar` in a
/// checkout), else in `share/pasar/` beside the executable's `bin/` (an installed copy).
/// `--data-dir DIR` (or `PASAR_DATA_DIR`) names the folder outright.
enum BundledFile {
    /// `--data-dir`, read from the command line before the options are parsed: the other options'
    /// defaults depend on it. Each command also declares the option (`DataDirectoryOption`), so it
    /// parses and shows in `--help`.
    static let dataDirectory: String? = {
        let arguments = CommandLine.arguments
        if let index = arguments.firstIndex(of: "--data-dir"), index + 1 < arguments.count { return arguments[index + 1] }
        if let inline = arguments.first(where: { $0.hasPrefix("--data-dir=") }) { return String(inline.dropFirst("--data-dir=".count)) }
        return Environment.value("PASAR_DATA_DIR")
    }()

    static func path(_ relative: String) -> String {
        if let dataDirectory { return URL(fileURLWithPath: dataDirectory).appendingPathComponent(relative).path }
        let files = FileManager.default
        if files.fileExists(atPath: relative) { return relative }
        guard let executable = executableDirectory() else { return relative }
        var folder = executable
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent(relative)
            if files.fileExists(atPath: candidate.path) { return candidate.path }
            folder.deleteLastPathComponent()
        }
        let shared = executable.deletingLastPathComponent().appendingPathComponent("share/pasar").appendingPathComponent(relative)
        return files.fileExists(atPath: shared.path) ? shared.path : relative
    }

    private static func executableDirectory() -> URL? {
        let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        guard let path = link ?? Bundle.main.executablePath else { return nil }
        return URL(fileURLWithPath: path).deletingLastPathComponent()
    }
}

/// `--data-dir` for every command whose defaults come from `BundledFile`.
struct DataDirectoryOption: ParsableArguments {
    @Option(help: "Folder holding Locales/ and Fixtures/catalog/ (default PASAR_DATA_DIR, else found from the working directory or the executable).")
    var dataDir: String?
}

extension BundledFile {
    /// Stops with one line naming the missing file and the options that set it, rather than the
    /// error the first read of it would print.
    static func require(_ path: String, setBy option: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("\(path) does not exist: set it with \(option), or point --data-dir (PASAR_DATA_DIR) at the folder holding Locales/ and Fixtures/")
        }
    }
}
