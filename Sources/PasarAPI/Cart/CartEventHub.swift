import Foundation
import PasarStorage
import Synchronization

/// Fan-out of cart changes to the `GET /v1/carts/{id}/events` streams of that cart: in-process, and
/// through the change feed to the other processes of a shared database (whose notices come back
/// here through `ChangeFeedService`; streams skip versions they already sent).
/// Each subscriber also gets a heartbeat every `heartbeat` so a closed connection is noticed and
/// its subscription released even when the cart does not change.
final class CartEventHub: Sendable {
    enum Signal: Sendable, Equatable {
        case changed(version: Int64)
        case heartbeat
    }

    private let subscribers = Mutex<[String: [UUID: AsyncStream<Signal>.Continuation]]>([:])
    private let heartbeat: Duration
    private let feed: (any ChangeFeed)?

    init(heartbeat: Duration = .seconds(15), feed: (any ChangeFeed)? = nil) {
        self.heartbeat = heartbeat
        self.feed = feed
    }

    /// A listener's signals; `end()` finishes them (graceful shutdown).
    struct Subscription: Sendable {
        let signals: AsyncStream<Signal>
        fileprivate let continuation: AsyncStream<Signal>.Continuation

        func end() { continuation.finish() }
    }

    func subscribe(cartID: String) -> Subscription {
        let (stream, continuation) = AsyncStream.makeStream(of: Signal.self, bufferingPolicy: .bufferingNewest(8))
        let id = UUID()
        subscribers.withLock { $0[cartID, default: [:]][id] = continuation }
        let beat = Task { [heartbeat] in
            while !Task.isCancelled {
                try? await Task.sleep(for: heartbeat)
                continuation.yield(.heartbeat)
            }
        }
        continuation.onTermination = { [weak self] _ in
            beat.cancel()
            self?.subscribers.withLock { all in
                all[cartID]?[id] = nil
                if all[cartID]?.isEmpty == true { all[cartID] = nil }
            }
        }
        return Subscription(signals: stream, continuation: continuation)
    }

    func publish(cartID: String, version: Int64) {
        if let feed { Task { await feed.announce(.cart(id: cartID, version: version)) } }
        deliver(cartID: cartID, version: version)
    }

    /// Wakes this process's streams of the cart.
    func deliver(cartID: String, version: Int64) {
        let targets = subscribers.withLock { Array(($0[cartID] ?? [:]).values) }
        for continuation in targets { continuation.yield(.changed(version: version)) }
    }

    var subscriberCount: Int { subscribers.withLock { $0.values.reduce(0) { $0 + $1.count } } }
}
