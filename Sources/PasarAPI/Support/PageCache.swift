import Foundation
import Hummingbird
import Synchronization

/// Encoded response bodies of hot catalog reads (product details), keyed by everything the body
/// depends on (market, language, channel, product). An entry lives at most `timeToLive` and never
/// past the next moment a price of its product starts or ends (sales), and every catalog or market
/// write through this server clears the cache, so a page is never older than what it shows.
final class PageCache: Sendable {
    struct Page: Sendable {
        let body: Data
        let etag: String
        let language: String
        let expires: ContinuousClock.Instant
    }

    private let pages = Mutex<[String: Page]>([:])
    private let capacity: Int
    let timeToLive: Duration

    init(capacity: Int = 10_000, timeToLive: Duration = .seconds(5)) {
        self.capacity = capacity
        self.timeToLive = timeToLive
    }

    func page(_ key: String) -> Page? {
        let now = ContinuousClock.now
        return pages.withLock { $0[key].flatMap { $0.expires > now ? $0 : nil } }
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
        let page = Page(body: body, etag: "\"\(JSONReply.fnv1a(body))\"", language: language, expires: expires)
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
    /// The cached page for `key` as a response (`304` when `If-None-Match` matches), or nil.
    func reply(_ key: String, request: Request) -> Response? {
        page(key).map { JSONReply.make(encoded: $0.body, request: request, language: $0.language, etag: $0.etag) }
    }

    /// Keeps `body` as `store` does and answers with it.
    func storeAndReply(_ key: String, body: Data, language: String, boundary: Date?, request: Request) -> Response {
        let page = store(key, body: body, language: language, boundary: boundary)
        return JSONReply.make(encoded: page.body, request: request, language: page.language, etag: page.etag)
    }
}
