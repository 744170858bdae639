public import Hummingbird
public import PasarLocalization
import Synchronization

/// Chooses the response language among a market's languages: `?lang=` when given (it must be a
/// language the market offers, after CLDR matching: `de-AT` is served `de`), otherwise the
/// `Accept-Language` header, otherwise the market's default language.
public final class LanguageResolver: Sendable {
    private let negotiators = Mutex<[[LocaleTag]: LocaleNegotiator]>([:])

    public init() {}

    public func language(offered: [LocaleTag], marketCode: String, request: Request) throws -> LocaleTag {
        let negotiator = try negotiator(for: offered)
        if let requested = try QueryValues(request: request).string("lang", maxLength: 64) {
            let offeredList = offered.map(\.identifier).joined(separator: ", ")
            guard let tag = try? LocaleTag(requested) else {
                throw Problem.invalidField("lang", "'\(requested)' is not a language tag such as de or de-CH", extensions: ["languages": offeredList])
            }
            guard let match = negotiator.bestMatch(for: [tag]) else {
                throw Problem.invalidField(
                    "lang", "'\(requested)' is not a language of market \(marketCode) (\(offeredList))", extensions: ["languages": offeredList])
            }
            return match
        }
        return negotiator.negotiate(acceptLanguage: request.headers[.acceptLanguage])
    }

    private func negotiator(for offered: [LocaleTag]) throws -> LocaleNegotiator {
        if let cached = negotiators.withLock({ $0[offered] }) { return cached }
        let negotiator = try LocaleNegotiator(supported: offered)
        negotiators.withLock { $0[offered] = negotiator }
        return negotiator
    }
}
