/// How an exact result that falls between two representable amounts is rounded.
///
/// Pasar rounds half-even (banker's rounding) unless a market says otherwise.
public enum RoundingMode: String, Sendable, CaseIterable, Codable {
    /// Ties go to the even neighbour: 0.125 → 0.12, 0.135 → 0.14.
    case halfEven = "half-even"
    /// Ties go away from zero: 0.125 → 0.13, -0.125 → -0.13.
    case halfUp = "half-up"
    /// Ties go toward zero: 0.125 → 0.12.
    case halfDown = "half-down"
    /// Always toward zero (truncation).
    case down
    /// Always away from zero.
    case up
    /// Toward negative infinity.
    case floor
    /// Toward positive infinity.
    case ceiling
}

extension RoundingMode {
    /// Divides exactly and rounds once: `numerator / denominator` in this mode.
    /// `denominator` must be positive.
    func divide(_ numerator: Int128, by denominator: Int128) -> Int128 {
        precondition(denominator > 0, "denominator must be positive")
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        if remainder == 0 { return quotient }
        let sign: Int128 = numerator < 0 ? -1 : 1
        let awayFromZero = quotient + sign
        let twiceRemainder = remainder.magnitude * 2
        let divisor = denominator.magnitude
        switch self {
        case .down: return quotient
        case .up: return awayFromZero
        case .floor: return sign < 0 ? awayFromZero : quotient
        case .ceiling: return sign > 0 ? awayFromZero : quotient
        case .halfUp: return twiceRemainder >= divisor ? awayFromZero : quotient
        case .halfDown: return twiceRemainder > divisor ? awayFromZero : quotient
        case .halfEven:
            if twiceRemainder != divisor { return twiceRemainder > divisor ? awayFromZero : quotient }
            return quotient % 2 == 0 ? quotient : awayFromZero
        }
    }
}
