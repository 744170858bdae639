public import Hummingbird
public import PasarLocalization
import Synchronization

/// Chooses the response language among a market's languages: `?lang=` when given (it must be a
/// language the market offers, after CLDR matching: `de-AT` is served `de`), otherwise the
/// `Accept-Language` header, otherwise the market's default language.
public final class LanguageResolver: Sendable {
    private struct Choice: Hashable {
        let offered: [LocaleTag]
        let lang: String?
        let acceptLanguage: String?
    }

    private let negotiators = Mutex<[[LocaleTag]: LocaleNegotiator]>([:])
    /// Answers already negotiated: clients send the same few headers over and over.
    private let choices = Mutex<[Choice: LocaleTag]>([:])

    public init() {}

    public func language(offered: [LocaleTag], marketCode: String, request: Request) throws -> LocaleTag {
        let choice = Choice(offered: offered, lang: request.uri.queryParameters.get("lang"), acceptLanguage: request.headers[.acceptLanguage])
        if let known = choices.withLock({ $0[choice] }) { return known }
        let language = try negotiate(offered: offered, marketCode: marketCode, request: request)
        choices.withLock { choices in
            if choices.count >= 4096 { choices.removeAll(keepingCapacity: true) }
            choices[choice] = language
        }
        return language
    }

    private func negotiate(offered: [LocaleTag], marketCode: String, request: Request) throws -> LocaleTag {
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
