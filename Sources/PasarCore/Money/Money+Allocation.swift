extension Money {
    /// Splits this amount into `parts` shares that differ by at most one minor unit and sum exactly:
    /// 100.00 in 3 gives 33.34, 33.33, 33.33.
    public func split(into parts: Int) throws(MoneyError) -> [Money] {
        guard parts > 0 else { throw .invalidArgument("cannot split into \(parts) parts") }
        return try allocate(weights: Array(repeating: 1, count: parts))
    }

    /// Splits this amount in proportion to `weights` (largest remainder method) so the shares sum exactly.
    ///
    /// Each share is first rounded toward zero; the minor units left over go one by one to the shares
    /// with the largest remainders, earlier shares first on ties. Used to spread a discount over lines.
    public func allocate(weights: [Int64]) throws(MoneyError) -> [Money] {
        guard !weights.isEmpty, weights.allSatisfy({ $0 >= 0 }) else {
            throw .invalidArgument("weights must be a non-empty list of non-negative numbers")
        }
        let totalWeight = weights.reduce(Int128(0)) { $0 + Int128($1) }
        guard totalWeight > 0 else { throw .invalidArgument("weights must not all be zero") }
        let total = Int128(minorUnits.magnitude)
        var shares = weights.map { total * Int128($0) / totalWeight }
        let remainders = weights.map { total * Int128($0) % totalWeight }
        var leftover = total - shares.reduce(0, +)
        let order = remainders.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
        for index in order where leftover > 0 {
            shares[index] += 1
            leftover -= 1
        }
        let sign: Int128 = minorUnits < 0 ? -1 : 1
        var result: [Money] = []
        result.reserveCapacity(shares.count)
        for share in shares { result.append(try Money(exactMinorUnits: share * sign, currency: currency)) }
        return result
    }
}
