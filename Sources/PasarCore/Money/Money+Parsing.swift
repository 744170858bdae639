extension Money {
    /// Parses a plain decimal amount (`"1234.5"`, `"-0.05"`, `"100"`) into `currency`.
    ///
    /// Throws `tooManyFractionDigits` when the text is more precise than the currency
    /// (`"1.234"` in EUR, `"0.5"` in JPY) rather than rounding silently.
    public init(parsing text: String, currency: Currency) throws(MoneyError) {
        let parsed = try DecimalText(text)
        let allowed = currency.minorUnitDigits
        guard parsed.fraction.count <= allowed else {
            throw .tooManyFractionDigits(text, currency: currency.code, allowed: allowed)
        }
        let padding = String(repeating: "0", count: allowed - parsed.fraction.count)
        guard let units = Int64(parsed.sign + parsed.integer + parsed.fraction + padding) else { throw .overflow }
        self.init(minorUnits: units, currency: currency)
    }
}
