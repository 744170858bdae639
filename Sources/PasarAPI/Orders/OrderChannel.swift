import Hummingbird
import PasarMarkets

/// The channel an order request comes from: `Pasar-Channel` (default `web`), one of the market's channels.
enum OrderChannel {
    static func from(_ request: Request, market: Market?) throws -> String {
        let channel = request.headers[CartScope.channelHeader]?.trimmingCharacters(in: .whitespaces).lowercased() ?? "web"
        if let market, !market.channels.contains(channel) {
            throw Problem.invalidField(
                "Pasar-Channel", "'\(channel)' is not a channel of market \(market.code) (\(market.channels.joined(separator: ", ")))")
        }
        return channel
    }
}
