public import Foundation
import Synchronization

/// A child process with a stdin pipe and a line reader on stdout.
///
/// The stdin pipe is the child's lifeline: the test scripts exit when it reaches EOF, so closing it
/// (in `stop()`, or implicitly when the test process dies) can never leave an orphan behind.
public final class ChildProcess: Sendable {
    private let process: Process
    private let input: Pipe
    /// Lines the child writes to stdout.
    public let output: LineReader

    private init(process: Process, input: Pipe, output: LineReader) {
        self.process = process
        self.input = input
        self.output = output
    }

    /// Starts `python3 arguments…` found on PATH; stderr is inherited so its diagnostics show in the test log.
    public static func python(_ arguments: [String]) throws -> ChildProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try ProcessLaunch.run(process)
        return ChildProcess(process: process, input: input, output: LineReader(output.fileHandleForReading))
    }

    public func write(_ data: Data) throws {
        try input.fileHandleForWriting.write(contentsOf: data)
    }

    /// Signals EOF on the child's stdin, which tells the test scripts to exit.
    public func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Closes stdin first (the child exits by itself), then terminates in case it did not, and reaps it.
    public func stop() async {
        closeInput()
        if process.isRunning { process.terminate() }
        _ = await exitStatus()
    }

    /// Waits for the child to exit, on its own thread so no cooperative thread blocks.
    public func exitStatus() async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { [process] in
                process.waitUntilExit()
                continuation.resume(returning: process.terminationStatus)
            }
        }
    }
}

/// Reads lines from a pipe on detached threads, keeping bytes read past a line for the next call.
public final class LineReader: Sendable {
    private let handle: FileHandle
    private let unconsumed = Mutex<[UInt8]>([])

    init(_ handle: FileHandle) {
        self.handle = handle
    }

    /// The next line without its newline, or `nil` at end of file. Callers must not overlap calls.
    public func nextLine() async -> String? {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { [self] in
                continuation.resume(returning: readLineBlocking())
            }
        }
    }

    private func readLineBlocking() -> String? {
        while true {
            let line = unconsumed.withLock { bytes -> String? in
                guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
                defer { bytes.removeSubrange(...newline) }
                return String(decoding: bytes[..<newline], as: UTF8.self)
            }
            if let line { return line }
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            unconsumed.withLock { $0.append(contentsOf: chunk) }
        }
    }
}
