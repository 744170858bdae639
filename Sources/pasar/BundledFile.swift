import Foundation

/// Where the files that ship with Pasar (`Locales/`, `Fixtures/catalog/`) are, for defaults that
/// must work from any directory: under the working directory when it holds them (a checkout),
/// else under the nearest folder above the executable that does (`.build/release/pasar` in a
/// checkout), else in `share/pasar/` beside the executable's `bin/` (an installed copy).
enum BundledFile {
    static func path(_ relative: String) -> String {
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
