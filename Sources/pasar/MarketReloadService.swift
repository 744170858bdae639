import Logging
import PasarMarkets
import ServiceLifecycle
import UnixSignals

/// Reloads the market files on SIGHUP; a bad edit keeps the markets in service and logs why.
struct MarketReloadService: Service {
    let registry: MarketRegistry
    let logger: Logger

    func run() async throws {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        for await _ in hangups.cancelOnGracefulShutdown() {
            let result = registry.reload()
            logger.notice("markets reloaded on SIGHUP", metadata: ["result": "\(result)"])
        }
    }
}
