import Foundation
import Logging
import PasarStorage
import ServiceLifecycle

/// Once an hour: deletes expired carts (reads already treat them as gone; this reclaims the space),
/// and gives back voucher uses claimed by checkouts that never placed their order (a process stopped
/// in between; an hour is far longer than any checkout takes).
struct CartPurgeService: Service {
    let carts: any CartStore
    let voucherUses: VoucherUseStore
    let logger: Logger
    var interval: Duration = .seconds(3600)

    func run() async throws {
        while !Task.isShuttingDownGracefully {
            do {
                let purged = try await carts.purgeExpired(now: Date())
                if purged > 0 { logger.info("expired carts purged", metadata: ["carts": "\(purged)"]) }
                let now = Date()
                let released = try await voucherUses.releaseAbandoned(claimedBefore: now.addingTimeInterval(-3600), now: now)
                if released > 0 { logger.info("voucher uses of unplaced orders given back", metadata: ["orders": "\(released)"]) }
            } catch {
                logger.error("purging expired carts failed", metadata: ["error": "\(error)"])
            }
            _ = try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
