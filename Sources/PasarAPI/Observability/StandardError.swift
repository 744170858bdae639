import Foundation
import Synchronization

/// Whole lines to standard error, one writer at a time so that lines never interleave.
public enum StandardError {
    private static let lock = Mutex(())

    @Sendable public static func write(_ line: String) {
        lock.withLock { _ in FileHandle.standardError.write(Data(line.utf8)) }
    }
}
