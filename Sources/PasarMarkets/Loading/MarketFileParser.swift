import PasarCore
import PasarLocalization
import Yams

/// Turns one market's (merged) YAML mapping into a `MarketDraft`, reporting every field problem.
struct MarketFileParser {
    static let topLevelFields: Set<String> = [
        "code", "name", "countries", "currency", "accepted_currencies", "languages", "default_language", "time_zone", "tax", "rounding",
        "prices", "channels", "shipping", "shipment_policy", "stores", "warehouses", "loyalty", "customer_groups", "extends",
    ]

    let reader: NodeReader
    let expectedCode: String

    func parse(_ root: Node) -> MarketDraft? {
        guard let fields = reader.mapping(root, "", allowed: Self.topLevelFields) else { return nil }
        let code = reader.string(fields["code"], "code")
        if let code, code != expectedCode {
            reader.report("code", "'\(code)' must match the file name '\(expectedCode).yaml'")
        }
        if let code, !Self.isToken(code) { reader.report("code", "'\(code)' must be lowercase letters, digits or '-'") }
        let names = reader.stringMap(fields["name"], "name") ?? [:]
        for language in names.keys where (try? LocaleTag(language)) == nil {
            reader.report("name.\(language)", "'\(language)' is not a known language tag")
        }
        let countries = parseCountries(fields["countries"])
        let currency = parseCurrency(fields["currency"], "currency")
        let accepted = (reader.strings(fields["accepted_currencies"], "accepted_currencies", required: false) ?? [])
            .enumerated().compactMap { parseCurrencyCode($0.element, "accepted_currencies[\($0.offset)]") }
        let languages = parseLanguages(fields["languages"], defaultLanguage: reader.string(fields["default_language"], "default_language", required: false))
        let timeZone = parseTimeZone(fields["time_zone"])
        let tax = parseTax(fields["tax"], countries: countries)
        let rounding = currency.flatMap { parseRounding(fields["rounding"], currency: $0) }
        let derived = parsePrices(fields["prices"])
        let channels = parseChannels(fields["channels"])
        let shipping = currency.map { parseShipping(fields["shipping"], currency: $0) } ?? []
        let stores = parseStores(fields["stores"], countries: countries)
        let warehouses = parseWarehouses(fields["warehouses"], countries: countries)
        let shipmentPolicy = parseShipmentPolicy(fields["shipment_policy"])
        let loyalty = currency.flatMap { parseLoyalty(fields["loyalty"], currency: $0) }
        let customerGroups = currency.map { parseCustomerGroups(fields["customer_groups"], currency: $0) } ?? []
        guard let code, let currency, let tax, let rounding, !languages.isEmpty, reader.issues.isEmpty else { return nil }
        return MarketDraft(
            file: reader.file, code: code, names: names, countries: countries, currency: currency, acceptedCurrencies: accepted,
            languages: languages, timeZone: timeZone, tax: tax, rounding: rounding, derived: derived, channels: channels, shippingMethods: shipping,
            stores: stores, warehouses: warehouses, shipmentPolicy: shipmentPolicy, loyalty: loyalty, customerGroups: customerGroups)
    }

    /// `shipment_policy:` — whether one order may leave from several locations (default `single_location_only`).
    private func parseShipmentPolicy(_ node: Node?) -> ShipmentPolicy {
        guard let node, let text = reader.string(node, "shipment_policy") else { return .singleLocationOnly }
        guard let policy = ShipmentPolicy(rawValue: text) else {
            reader.report("shipment_policy", "'\(text)' must be one of \(ShipmentPolicy.allCases.map(\.rawValue).joined(separator: ", "))")
            return .singleLocationOnly
        }
        return policy
    }

    private func parseCountries(_ node: Node?) -> [String] {
        let countries = reader.strings(node, "countries") ?? []
        if case .sequence(let list)? = node, list.isEmpty { reader.report("countries", "needs at least one country") }
        var seen = Set<String>()
        return countries.enumerated().compactMap { index, country in
            let path = "countries[\(index)]"
            guard LocaleTag.isKnownRegion(country) else {
                reader.report(path, "'\(country)' is not an ISO 3166-1 alpha-2 country code such as DE")
                return nil
            }
            guard seen.insert(country).inserted else {
                reader.report(path, "'\(country)' is listed twice")
                return nil
            }
            return country
        }
    }

    private func parseTimeZone(_ node: Node?) -> String {
        guard let zone = reader.string(node, "time_zone", required: false) else { return "UTC" }
        guard (try? DateFormatting.canonicalTimeZone(zone)) != nil else {
            reader.report("time_zone", "'\(zone)' is not an IANA time zone such as Europe/Berlin")
            return "UTC"
        }
        return zone
    }

    private func parseCurrency(_ node: Node?, _ path: String) -> Currency? {
        guard let code = reader.string(node, path) else { return nil }
        return parseCurrencyCode(code, path)
    }

    private func parseCurrencyCode(_ code: String, _ path: String) -> Currency? {
        guard code.count == 3, code == code.uppercased(), let currency = try? CurrencyCatalog.currency(code) else {
            reader.report(path, "'\(code)' is not an ISO 4217 currency code in use, such as EUR")
            return nil
        }
        return currency
    }

    private func parseLanguages(_ node: Node?, defaultLanguage: String?) -> [LocaleTag] {
        let texts = reader.strings(node, "languages") ?? []
        if case .sequence(let list)? = node, list.isEmpty { reader.report("languages", "needs at least one language; the first is the default") }
        var languages: [LocaleTag] = []
        for (index, text) in texts.enumerated() {
            guard let tag = try? LocaleTag(text) else {
                reader.report("languages[\(index)]", "'\(text)' is not a known language tag such as de or pt-BR")
                continue
            }
            if languages.contains(tag) {
                reader.report("languages[\(index)]", "'\(text)' is listed twice")
            } else {
                languages.append(tag)
            }
        }
        if let defaultLanguage {
            guard let tag = try? LocaleTag(defaultLanguage), let index = languages.firstIndex(of: tag) else {
                reader.report("default_language", "'\(defaultLanguage)' is not in languages")
                return languages
            }
            languages.insert(languages.remove(at: index), at: 0)
        }
        return languages
    }

    private func parseTax(_ node: Node?, countries: [String]) -> TaxPolicy? {
        guard let fields = reader.mapping(node, "tax", allowed: ["mode", "rates", "country_overrides"]) else { return nil }
        let mode = reader.oneOf(fields["mode"], "tax.mode", default: TaxPolicy.Mode.inclusive)
        if fields["mode"] == nil { reader.report("tax.mode", "is required (inclusive or exclusive)") }
        let rates = parseRates(fields["rates"], "tax.rates")
        if case .mapping(let classes)? = fields["rates"], classes.isEmpty { reader.report("tax.rates", "needs at least one tax class") }
        var overrides: [String: [String: ExactDecimal]] = [:]
        for (country, value) in reader.mapping(fields["country_overrides"], "tax.country_overrides", allowed: [], required: false) ?? [:] {
            let path = "tax.country_overrides.\(country)"
            if !countries.contains(country) { reader.report(path, "'\(country)' is not one of the market's countries") }
            overrides[country] = parseRates(value, path)
        }
        return TaxPolicy(mode: mode, rates: rates, countryOverrides: overrides)
    }

    private func parseRates(_ node: Node?, _ path: String) -> [String: ExactDecimal] {
        var rates: [String: ExactDecimal] = [:]
        for (taxClass, value) in reader.mapping(node, path, allowed: []) ?? [:] {
            let ratePath = "\(path).\(taxClass)"
            guard let rate = reader.decimal(value, ratePath) else { continue }
            guard rate.isWithin(0, 100) else {
                reader.report(ratePath, "\(rate) % is outside 0–100 %")
                continue
            }
            rates[taxClass] = rate
        }
        return rates
    }

    private func parseRounding(_ node: Node?, currency: Currency) -> RoundingPolicy? {
        let fields =
            reader.mapping(node, "rounding", allowed: ["display_digits", "mode", "level", "cash_increment", "cash_mode"], required: false)
            ?? [:]
        let digits = reader.integer(fields["display_digits"], "rounding.display_digits", range: 0...currency.minorUnitDigits)
        var cashIncrement = currency.cashIncrementMinorUnits
        if let text = reader.string(fields["cash_increment"], "rounding.cash_increment", required: false) {
            if let amount = try? Money(parsing: text, currency: currency), amount.minorUnits > 0 {
                cashIncrement = amount.minorUnits
            } else {
                reader.report("rounding.cash_increment", "'\(text)' must be a positive amount in \(currency.code), such as 0.05")
            }
        }
        return RoundingPolicy(
            displayDigits: digits ?? currency.minorUnitDigits,
            mode: reader.oneOf(fields["mode"], "rounding.mode", default: RoundingMode.halfEven),
            level: reader.oneOf(fields["level"], "rounding.level", default: CartCalculator.RoundingLevel.line),
            cashIncrementMinorUnits: cashIncrement,
            cashMode: reader.oneOf(fields["cash_mode"], "rounding.cash_mode", default: RoundingMode.halfEven))
    }

    private func parsePrices(_ node: Node?) -> MarketDraft.DerivedPrices? {
        guard let fields = reader.mapping(node, "prices", allowed: ["source", "from", "rate", "ending"], required: false) else { return nil }
        let source = reader.string(fields["source"], "prices.source") ?? "own"
        switch source {
        case "own":
            for key in ["from", "rate", "ending"] where fields[key] != nil {
                reader.report("prices.\(key)", "only applies to derived prices (source: derived)")
            }
            return nil
        case "derived":
            guard let from = reader.string(fields["from"], "prices.from") else { return nil }
            return MarketDraft.DerivedPrices(
                sourceMarket: from, inlineRate: reader.decimal(fields["rate"], "prices.rate", required: false),
                ending: reader.oneOf(fields["ending"], "prices.ending", default: PriceEnding.none))
        default:
            reader.report("prices.source", "'\(source)' must be own or derived")
            return nil
        }
    }

    private func parseChannels(_ node: Node?) -> [String] {
        let channels = reader.strings(node, "channels") ?? []
        for (index, channel) in channels.enumerated() where !Self.isToken(channel) {
            reader.report("channels[\(index)]", "'\(channel)' must be lowercase letters, digits or '-'")
        }
        return channels
    }

    private func parseShipping(_ node: Node?, currency: Currency) -> [ShippingMethod] {
        guard let node, !reader.isPlaceholder(node, "shipping") else { return [] }
        guard case .sequence(let sequence) = node else {
            reader.report("shipping", "must be a list of shipping methods")
            return []
        }
        var ids = Set<String>()
        return sequence.enumerated().compactMap { index, item in
            let path = "shipping[\(index)]"
            guard let fields = reader.mapping(item, path, allowed: ["id", "name", "price", "free_over", "days"]) else { return nil }
            let id = reader.string(fields["id"], "\(path).id")
            if let id, !ids.insert(id).inserted { reader.report("\(path).id", "'\(id)' is used twice") }
            let names = reader.stringMap(fields["name"], "\(path).name") ?? [:]
            let price = amount(fields["price"], "\(path).price", currency: currency, required: true)
            let freeOver = amount(fields["free_over"], "\(path).free_over", currency: currency, required: false)
            var days: ClosedRange<Int>?
            if let bounds = reader.strings(fields["days"], "\(path).days", required: false) {
                if bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]), low >= 0, low <= high {
                    days = low...high
                } else {
                    reader.report("\(path).days", "must be [fewest, most] days, such as [2, 4]")
                }
            }
            guard let id, let price else { return nil }
            return ShippingMethod(id: id, names: names, price: price, freeOver: freeOver, days: days)
        }
    }

    private func parseStores(_ node: Node?, countries: [String]) -> [Store] {
        guard let node, !reader.isPlaceholder(node, "stores") else { return [] }
        guard case .sequence(let sequence) = node else {
            reader.report("stores", "must be a list of stores")
            return []
        }
        return sequence.enumerated().compactMap { index, item in
            let path = "stores[\(index)]"
            let allowed: Set<String> = ["id", "name", "address", "country", "opening_hours", "pickup", "latitude", "longitude", "ships", "postal_codes"]
            guard let fields = reader.mapping(item, path, allowed: allowed) else { return nil }
            let id = reader.string(fields["id"], "\(path).id")
            let name = reader.string(fields["name"], "\(path).name")
            let address = reader.string(fields["address"], "\(path).address")
            let (country, latitude, longitude) = place(fields, path, countries: countries)
            guard let id, let name, let address, let country else { return nil }
            return Store(
                id: id, name: name, address: address, country: country,
                openingHours: reader.string(fields["opening_hours"], "\(path).opening_hours", required: false) ?? "",
                pickup: reader.bool(fields["pickup"], "\(path).pickup", default: false), latitude: latitude, longitude: longitude,
                ships: reader.bool(fields["ships"], "\(path).ships", default: true), postalCodes: postalCodes(fields, path))
        }
    }

    func amount(_ node: Node?, _ path: String, currency: Currency, required: Bool) -> Money? {
        guard let text = reader.string(node, path, required: required) else { return nil }
        do {
            let amount = try Money(parsing: text, currency: currency)
            guard !amount.isNegative else {
                reader.report(path, "must not be negative")
                return nil
            }
            return amount
        } catch {
            reader.report(path, error.description)
            return nil
        }
    }

    /// The country (one of the market's) and optional coordinates of a store or warehouse.
    private func place(_ fields: [String: Node], _ path: String, countries: [String]) -> (String?, ExactDecimal?, ExactDecimal?) {
        let country = reader.string(fields["country"], "\(path).country")
        if let country, !countries.contains(country) {
            reader.report("\(path).country", "'\(country)' is not one of the market's countries")
        }
        let latitude = reader.decimal(fields["latitude"], "\(path).latitude", required: false)
        let longitude = reader.decimal(fields["longitude"], "\(path).longitude", required: false)
        if let latitude, !latitude.isWithin(-90, 90) { reader.report("\(path).latitude", "must be from -90 to 90") }
        if let longitude, !longitude.isWithin(-180, 180) { reader.report("\(path).longitude", "must be from -180 to 180") }
        return (country, latitude, longitude)
    }

    static func isToken(_ value: String) -> Bool {
        !value.isEmpty && value.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

extension MarketFileParser {
    /// `warehouses:` — stock locations that ship but serve nobody in person.
    func parseWarehouses(_ node: Node?, countries: [String]) -> [Warehouse] {
        guard let node, !reader.isPlaceholder(node, "warehouses") else { return [] }
        guard case .sequence(let sequence) = node else {
            reader.report("warehouses", "must be a list of warehouses")
            return []
        }
        return sequence.enumerated().compactMap { index, item in
            let path = "warehouses[\(index)]"
            let allowed: Set<String> = ["id", "name", "address", "country", "latitude", "longitude", "ships", "postal_codes"]
            guard let fields = reader.mapping(item, path, allowed: allowed) else { return nil }
            let id = reader.string(fields["id"], "\(path).id")
            if let id, !Self.isToken(id) { reader.report("\(path).id", "'\(id)' must be lowercase letters, digits or '-'") }
            let name = reader.string(fields["name"], "\(path).name")
            let (country, latitude, longitude) = place(fields, path, countries: countries)
            guard let id, let name, let country else { return nil }
            return Warehouse(
                id: id, name: name, address: reader.string(fields["address"], "\(path).address", required: false) ?? "", country: country,
                latitude: latitude, longitude: longitude, ships: reader.bool(fields["ships"], "\(path).ships", default: true),
                postalCodes: postalCodes(fields, path))
        }
    }

    /// `postal_codes:` of a store or warehouse: prefixes of the postal codes it ships to first.
    func postalCodes(_ fields: [String: Node], _ path: String) -> [String] {
        guard let node = fields["postal_codes"], let codes = reader.strings(node, "\(path).postal_codes") else { return [] }
        for (index, code) in codes.enumerated() where code.isEmpty || code.count > 10 || !code.allSatisfy({ $0.isLetter || $0.isNumber }) {
            reader.report("\(path).postal_codes[\(index)]", "'\(code)' must be 1 to 10 letters or digits (a postal-code prefix)")
        }
        return codes
    }
}
