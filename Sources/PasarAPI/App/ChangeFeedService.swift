import PasarStorage
public import ServiceLifecycle

/// Applies changes announced by the other processes of a shared database: wakes this process's live
/// cart streams and drops its cached catalog pages and products. Runs until graceful shutdown.
public struct ChangeFeedService: Service {
    let services: APIServices

    public init(services: APIServices) {
        self.services = services
    }

    public func run() async throws {
        guard let feed = services.changeFeed else {
            // Nothing to listen to (SQLite); a service that returned early would stop the server.
            try await gracefulShutdown()
            return
        }
        let services = services
        await cancelWhenGracefulShutdown {
            await feed.listen { change in
                switch change {
                case .cart(let id, let version):
                    services.cartEvents.deliver(cartID: id, version: version)
                case .catalog:
                    services.catalog.dropCachedEntries()
                    services.productPages.invalidate()
                }
            }
        }
    }
}
