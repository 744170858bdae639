import HTTPTypes
import Hummingbird
import PasarLocalization
import PasarMarkets
import PasarStorage

/// The market, response language and writing channel of one cart request.
///
/// The channel is the one the caller's API key belongs to; anonymous (demo) and admin callers name
/// it in the `Pasar-Channel` header (default `web`, `support` for the admin). It must be one of the
/// cart market's channels and is recorded on every line and change the request makes.
struct CartScope {
    static let channelHeader = HTTPField.Name("Pasar-Channel")!

    let market: Market
    let language: LocaleTag
    let channel: String

    init(marketCode: String, request: Request, context: AppRequestContext, services: APIServices) throws {
        guard let market = services.markets.snapshot.market(code: marketCode) else {
            throw Problem(
                .conflict, code: "market_closed", title: "Market closed", detail: "market '\(marketCode)' is no longer served", field: "market")
        }
        // A staff key sells at its stores' tills, so only in their markets.
        if let stores = context.caller.stores, !market.stores.contains(where: { stores.contains($0.id) }),
            !market.warehouses.contains(where: { stores.contains($0.id) })
        {
            throw Problem.otherStore(context.caller)
        }
        self.market = market
        language = try services.languages.language(offered: market.languages, marketCode: market.code, request: request)
        let named = request.headers[Self.channelHeader]?.trimmed.lowercased()
        if let keyChannel = context.caller.channel, let named, named != keyChannel {
            throw Problem(
                .forbidden, code: "wrong_channel", title: "Forbidden", detail: "this API key belongs to channel \(keyChannel), not \(named)",
                field: "Pasar-Channel")
        }
        let channel = context.caller.channel ?? named ?? (context.caller.isAdmin ? "support" : "web")
        guard market.channels.contains(channel) else {
            throw Problem.invalidField(
                "Pasar-Channel", "'\(channel)' is not a channel of market \(market.code) (\(market.channels.joined(separator: ", ")))")
        }
        self.channel = channel
    }

    /// The `If-Match` version: nil when absent or `*`; a value that is no version of ours is refused.
    static func expectedVersion(_ request: Request) throws -> Int64? {
        guard let header = request.headers[.ifMatch]?.trimmed, header != "*" else { return nil }
        let tag = header.hasPrefix("W/") ? String(header.dropFirst(2)) : header
        guard tag.count >= 3, tag.first == "\"", tag.last == "\"", let version = Int64(tag.dropFirst().dropLast()) else {
            throw Problem.invalidField("If-Match", "must be the cart's ETag, such as \"3\"")
        }
        return version
    }
}
