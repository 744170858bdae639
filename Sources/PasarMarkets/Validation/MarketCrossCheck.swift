import PasarCore

/// The checks that need every market of the directory: unique codes, each country in one market,
/// unique store and warehouse ids, and for derived markets an existing source, no cycle and a known rate.
struct MarketCrossCheck {
    let drafts: [MarketDraft]
    let rates: ExchangeRates
    /// Codes of market files that did not parse: markets that exist but are already reported.
    let brokenCodes: Set<String>

    func markets(issues: inout [MarketValidationIssue]) -> [Market] {
        var byCode: [String: MarketDraft] = [:]
        var storeOwner: [String: String] = [:]
        let countryMarkets = Dictionary(grouping: drafts.flatMap { draft in draft.countries.map { ($0, draft.code) } }, by: \.0)
        for draft in drafts {
            if let other = byCode[draft.code] {
                issues.append(.init(file: draft.file, path: "code", message: "'\(draft.code)' is also the code of \(other.file)"))
            }
            byCode[draft.code] = byCode[draft.code] ?? draft
            // A country sold to by two markets is reported in both files: either may be the mistake.
            for (index, country) in draft.countries.enumerated() {
                let others = (countryMarkets[country] ?? []).map(\.1).filter { $0 != draft.code }
                if !others.isEmpty {
                    issues.append(
                        .init(file: draft.file, path: "countries[\(index)]", message: "'\(country)' is also in market \(others.joined(separator: ", "))"))
                }
            }
            // Stores and warehouses share one id space: both are stock locations.
            let locations = draft.stores.enumerated().map { ("stores[\($0.offset)].id", "store", $0.element.id) }
                + draft.warehouses.enumerated().map { ("warehouses[\($0.offset)].id", "warehouse", $0.element.id) }
            for (path, kind, id) in locations {
                if let owner = storeOwner[id] {
                    issues.append(.init(file: draft.file, path: path, message: "\(kind) id '\(id)' is already used in market \(owner)"))
                } else {
                    storeOwner[id] = draft.code
                }
            }
        }
        var markets: [Market] = []
        for draft in drafts {
            guard let derived = draft.derived else {
                markets.append(draft.market(rate: nil))
                continue
            }
            guard let source = byCode[derived.sourceMarket] else {
                if !brokenCodes.contains(derived.sourceMarket) {
                    issues.append(.init(file: draft.file, path: "prices.from", message: "there is no market '\(derived.sourceMarket)'"))
                }
                continue
            }
            if let cycle = derivationCycle(from: draft.code, byCode: byCode) {
                issues.append(.init(file: draft.file, path: "prices.from", message: "derived prices form a cycle: \(cycle.joined(separator: " → "))"))
                continue
            }
            guard let rate = derived.inlineRate ?? rates.rate(from: source.currency, to: draft.currency) else {
                let pair = "\(source.currency.code)/\(draft.currency.code)"
                issues.append(.init(file: draft.file, path: "prices.rate", message: "no rate \(pair) in rates.yaml and none given here"))
                continue
            }
            markets.append(draft.market(rate: rate))
        }
        return markets.sorted { $0.code < $1.code }
    }

    /// The loop `code → … → code` when following `prices.from` leads back to `code`.
    private func derivationCycle(from code: String, byCode: [String: MarketDraft]) -> [String]? {
        var path = [code]
        var current = code
        while let next = byCode[current]?.derived?.sourceMarket, path.count <= byCode.count {
            path.append(next)
            if next == code { return path }
            current = next
        }
        return nil
    }
}
