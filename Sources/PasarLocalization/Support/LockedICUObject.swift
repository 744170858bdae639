import Synchronization

/// An opened ICU object whose API promises no thread safety (collators, plural rules, message
/// formats, legacy parsers): every use holds its lock, and it is closed when the last owner lets go.
final class LockedICUObject: Sendable {
    // Safe to mark unsafe: the pointer is only dereferenced inside `lock.withLock` (and in `deinit`,
    // when no other reference exists), so no two threads ever use the ICU object at once.
    private nonisolated(unsafe) let pointer: OpaquePointer
    private let lock = Mutex(())
    private let close: @Sendable (OpaquePointer) -> Void

    init(_ pointer: OpaquePointer, close: @escaping @Sendable (OpaquePointer) -> Void) {
        self.pointer = pointer
        self.close = close
    }

    deinit { close(pointer) }

    func withLock<Result>(_ body: (OpaquePointer) throws(LocalizationError) -> Result) throws(LocalizationError) -> Result {
        try lock.withLock { (_: inout Void) throws(LocalizationError) -> Result in try body(pointer) }
    }
}
