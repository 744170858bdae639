import PasarCore
import PasarLocalization

/// A market as one file describes it, before the checks that need the other files
/// (a derived market's source and rate, countries claimed twice).
struct MarketDraft {
    /// The `prices:` section of a derived market as written; the rate may instead come from `rates.yaml`.
    struct DerivedPrices {
        let sourceMarket: String
        let inlineRate: ExactDecimal?
        let ending: PriceEnding
    }

    let file: String
    let code: String
    let names: [String: String]
    let countries: [String]
    let currency: Currency
    let acceptedCurrencies: [Currency]
    let languages: [LocaleTag]
    let timeZone: String
    let tax: TaxPolicy
    let rounding: RoundingPolicy
    let derived: DerivedPrices?
    let channels: [String]
    let shippingMethods: [ShippingMethod]
    let stores: [Store]
    let warehouses: [Warehouse]
    let shipmentPolicy: ShipmentPolicy
    let loyalty: LoyaltyProgram?
    let customerGroups: [CustomerGroupDefinition]

    func market(rate: ExactDecimal?) -> Market {
        let source: PriceSource =
            if let derived, let rate {
                .derived(PriceDerivation(sourceMarket: derived.sourceMarket, rate: rate, ending: derived.ending))
            } else {
                .own
            }
        return Market(
            code: code, names: names, countries: countries, currency: currency, acceptedCurrencies: acceptedCurrencies,
            languages: languages, timeZone: timeZone, tax: tax, rounding: rounding, priceSource: source, channels: channels,
            shippingMethods: shippingMethods, stores: stores, warehouses: warehouses, loyalty: loyalty, customerGroups: customerGroups, file: file,
            shipmentPolicy: shipmentPolicy)
    }
}
