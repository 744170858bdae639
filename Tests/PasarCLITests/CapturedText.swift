import Synchronization

/// Text a reader thread appends and tests read, up to a limit (a server's standard error).
final class CapturedText: Sendable {
    private let text = Mutex("")
    let limit: Int

    init(limit: Int = 1 << 20) { self.limit = limit }

    /// Appends `more` while under the limit; returns everything so far.
    func append(_ more: String) -> String {
        text.withLock { text in
            if text.utf8.count < limit { text += more }
            return text
        }
    }

    var value: String { text.withLock { $0 } }
}
