import Synchronization

/// What inner middlewares learn about a request that the request's log line, written further out,
/// reports: the request context is a value, so they leave it here (one per request).
public final class RequestFacts: Sendable {
    private let state = Mutex<String?>(nil)

    init() {}

    /// The channel of the caller's key (`CallerMiddleware`), if it has one.
    var channel: String? {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }
}
