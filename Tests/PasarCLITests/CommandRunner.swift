import Foundation
import PasarTestSupport

/// Runs the built `pasar` executable as a user would and captures what it prints.
enum CommandRunner {
    /// What one run printed and how it ended.
    struct Output: Sendable {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// The `pasar` binary SwiftPM built next to the test bundle.
    static let executable: URL = {
        let buildDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidate = buildDirectory.appendingPathComponent("pasar")
        guard FileManager.default.isExecutableFile(atPath: candidate.path) else {
            fatalError("pasar executable not found next to \(CommandLine.arguments[0])")
        }
        return candidate
    }()

    /// Runs `pasar` with `arguments` from `directory` (the repository root by default) and waits for it to exit.
    static func run(_ arguments: [String], in directory: String = Fixtures.repositoryRoot) throws -> Output {
        try runProgram(executable.path, arguments, in: directory)
    }

    /// Runs any program the same way.
    static func runProgram(_ path: String, _ arguments: [String], in directory: String = Fixtures.repositoryRoot) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try ProcessLaunch.run(process)
        // Read both pipes to the end before waiting, so a full pipe cannot block the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// `runProgram` on a thread of its own, so a long run does not hold one of the few threads
    /// every other test's async work shares.
    static func runProgramDetached(_ path: String, _ arguments: [String]) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try runProgram(path, arguments) }) }
        }
    }
}
