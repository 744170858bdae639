import Foundation
import Logging
import PasarStorage
import ServiceLifecycle

/// Deletes expired carts once an hour. Reads already treat them as gone; this reclaims the space.
struct CartPurgeService: Service {
    let carts: any CartStore
    let logger: Logger
    var interval: Duration = .seconds(3600)

    func run() async throws {
        while !Task.isShuttingDownGracefully {
            do {
                let purged = try await carts.purgeExpired(now: Date())
                if purged > 0 { logger.info("expired carts purged", metadata: ["carts": "\(purged)"]) }
            } catch {
                logger.error("purging expired carts failed", metadata: ["error": "\(error)"])
            }
            _ = try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
