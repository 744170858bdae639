import Synchronization

/// Opened ICU objects keyed by what they were opened for (skeleton and locale, pattern…).
/// Opening is the expensive part of ICU, so each key is opened once and then shared.
final class ObjectCache<Key: Hashable & Sendable, Object: Sendable>: Sendable {
    private let objects = Mutex<[Key: Object]>([:])
    private let limit: Int

    /// Keeps at most `limit` objects; past that the cache starts over (keys come from small sets:
    /// locales × skeletons, message patterns).
    init(limit: Int = 4096) { self.limit = limit }

    func object(for key: Key, open: () throws(LocalizationError) -> Object) throws(LocalizationError) -> Object {
        if let cached = objects.withLock({ $0[key] }) { return cached }
        // Opened outside the lock; if two threads race, both objects are equivalent and one is kept.
        let opened = try open()
        return objects.withLock { cache in
            if let winner = cache[key] { return winner }
            if cache.count >= limit { cache.removeAll(keepingCapacity: true) }
            cache[key] = opened
            return opened
        }
    }
}
