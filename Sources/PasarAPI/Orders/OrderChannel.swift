import Hummingbird
import PasarMarkets

/// The channel an order request comes from, decided as for carts (`CartScope`): the caller's API
/// key's channel, else `Pasar-Channel` (default `web`, `support` for the admin); one of the market's channels.
enum OrderChannel {
    static func from(_ request: Request, context: AppRequestContext, market: Market?) throws -> String {
        let named = request.headers[CartScope.channelHeader]?.trimmingCharacters(in: .whitespaces).lowercased()
        if let keyChannel = context.caller.channel, let named, named != keyChannel {
            throw Problem(
                .forbidden, code: "wrong_channel", title: "Forbidden", detail: "this API key belongs to channel \(keyChannel), not \(named)",
                field: "Pasar-Channel")
        }
        let channel = context.caller.channel ?? named ?? (context.caller.isAdmin ? "support" : "web")
        if let market, !market.channels.contains(channel) {
            throw Problem.invalidField(
                "Pasar-Channel", "'\(channel)' is not a channel of market \(market.code) (\(market.channels.joined(separator: ", ")))")
        }
        return channel
    }
}
