import Foundation
import Hummingbird
import Synchronization

/// Encoded response bodies of hot catalog reads (product details), keyed by everything the body
/// depends on (market, language, channel, product). An entry lives at most `timeToLive` and never
/// past the next moment a price of its product starts or ends (sales), and every catalog or market
/// write through this server clears the cache, so a page is never older than what it shows.
final class PageCache: Sendable {
    struct Page: Sendable {
        /// Shared by every response that sends it (`ByteBuffer` is copy-on-write).
        let body: ByteBuffer
        let etag: String
        let language: String
        let expires: ContinuousClock.Instant

        var response: Response { JSONResponseEncoder.response(body: body, etag: etag, language: language) }
    }

    private let pages = Mutex<[String: Page]>([:])
    private let capacity: Int
    let timeToLive: Duration

    private let metrics: PasarMetrics

    init(capacity: Int = 10_000, timeToLive: Duration = .seconds(5), metrics: PasarMetrics = .off) {
        self.capacity = capacity
        self.timeToLive = timeToLive
        self.metrics = metrics
    }

    func page(_ key: String) -> Page? {
        let now = ContinuousClock.now
        let page = pages.withLock { $0[key].flatMap { $0.expires > now ? $0 : nil } }
        (page == nil ? metrics.pageCacheMisses : metrics.pageCacheHits).increment()
        return page
    }

    /// Keeps `body` until the time to live passes or `boundary` (the next price change) arrives;
    /// a cache of capacity 0 keeps nothing.
    func store(_ key: String, body: Data, language: String, boundary: Date?) -> Page {
        let now = ContinuousClock.now
        var expires = now + timeToLive
        if let boundary {
            let untilBoundary = boundary.timeIntervalSinceNow
            expires = min(expires, now + .milliseconds(Int64(max(0, untilBoundary) * 1000)))
        }
        let page = Page(body: ByteBuffer(bytes: body), etag: JSONResponseEncoder.entityTag(body), language: language, expires: expires)
        guard capacity > 0 else { return page }
        pages.withLock { pages in
            if pages.count >= capacity { pages.removeAll(keepingCapacity: true) }
            pages[key] = page
        }
        return page
    }

    func invalidate() { pages.withLock { $0.removeAll(keepingCapacity: true) } }
}

extension PageCache {
    /// The cached page for `key` as a response, or nil.
    func response(_ key: String) -> Response? {
        page(key).map(\.response)
    }

    /// Keeps `body` as `store` does and answers with it.
    func storeAndReply(_ key: String, body: Data, language: String, boundary: Date?) -> Response {
        store(key, body: body, language: language, boundary: boundary).response
    }
}
