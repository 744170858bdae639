import Foundation
import Synchronization

/// Starts child processes one at a time: Foundation's `Process` on Linux has crashed in libdispatch
/// when several test suites launched children at the same moment.
enum ProcessLaunch {
    private static let lock = Mutex(())

    static func run(_ process: Process) throws {
        try lock.withLock { _ in try process.run() }
    }
}
