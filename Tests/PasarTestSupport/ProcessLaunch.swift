public import Foundation
import Synchronization

/// Starts child processes one at a time: Foundation's `Process` on Linux has crashed in libdispatch
/// when several test suites launched children at the same moment.
public enum ProcessLaunch {
    private static let lock = Mutex(())

    public static func run(_ process: Process) throws {
        try lock.withLock { _ in try process.run() }
    }
}
