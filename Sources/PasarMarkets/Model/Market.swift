public import PasarCore
public import PasarLocalization

/// A region a merchant sells to, as its configuration file defines it: currency, languages, tax,
/// rounding, where prices come from, channels, shipping and stores.
///
/// ```yaml
/// code: ch
/// countries: [CH, LI]
/// currency: CHF
/// languages: [de, fr, it, en]
/// time_zone: Europe/Zurich
/// tax: {mode: inclusive, rates: {standard: "8.1", reduced: "2.6"}}
/// ```
public struct Market: Sendable, Hashable {
    public let code: String
    /// Display name per language tag.
    public let names: [String: String]
    /// ISO 3166-1 alpha-2 codes.
    public let countries: [String]
    public let currency: Currency
    /// Further currencies price lists may use.
    public let acceptedCurrencies: [Currency]
    /// Languages in order; the first is the default.
    public let languages: [LocaleTag]
    /// IANA time zone (`time_zone:`) in which dates are shown to the market's customers; UTC when
    /// the file names none.
    public let timeZone: String
    public let tax: TaxPolicy
    public let rounding: RoundingPolicy
    public let priceSource: PriceSource
    public let channels: [String]
    public let shippingMethods: [ShippingMethod]
    public let stores: [Store]
    /// Stock locations that are not shops.
    public let warehouses: [Warehouse]
    /// The loyalty points rule (`loyalty:`); nil when the market has no points.
    public let loyalty: LoyaltyProgram?
    /// The customer groups price rows and vouchers of this market may name, with their rules.
    public let customerGroups: [CustomerGroupDefinition]
    /// The file the market was read from.
    public let file: String
    /// Whether a ship order may leave from several locations when none holds every line
    /// (`shipment_policy:`, default `single_location_only`).
    public var shipmentPolicy: ShipmentPolicy = .singleLocationOnly

    public var defaultLanguage: LocaleTag { languages[0] }

    /// The declared group with this code, nil when the market has none.
    public func customerGroup(_ code: String) -> CustomerGroupDefinition? { customerGroups.first { $0.code == code } }

    /// The name in `language` (following the language's fallback chain), else the default language's, else the code.
    public func name(in language: LocaleTag) -> String {
        TranslationLookup.best(in: names, chain: language.fallbackChain.map(\.identifier), fallbackLanguages: [defaultLanguage.identifier, "en"])?.value
            ?? code
    }

    /// How price lists become customer prices here.
    public var pricingPolicy: PricingPolicy {
        var derivation: PriceDerivation? = nil
        if case .derived(let derived) = priceSource { derivation = derived }
        return PricingPolicy(market: code, currency: currency, pricesIncludeTax: tax.mode == .inclusive, rounding: rounding.mode, derivation: derivation)
    }
}
