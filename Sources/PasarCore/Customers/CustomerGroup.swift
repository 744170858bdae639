public import FoundationEssentials

/// A customer's membership of a group a merchant declares (`students`, `wholesale`, `gold`): set by
/// an admin, or granted by a market's rule; optionally until a date.
///
/// ```swift
/// let student = CustomerGroup(code: "students", source: .admin, expiresAt: endOfTerm, since: now)
/// student.isActive(at: now)   // true until endOfTerm
/// ```
public struct CustomerGroup: Sendable, Equatable {
    /// Who put the customer in the group; each source keeps its own membership.
    public enum Source: String, Sendable, CaseIterable {
        /// Set and removed by the admin routes.
        case admin
        /// Granted and withdrawn by a market's rule (`CustomerGroupRule`), never by hand.
        case rule
    }

    public let code: String
    public let source: Source
    /// The market whose rule granted the group; nil for admin memberships.
    public let market: String?
    /// The first moment the membership no longer counts; nil: no end.
    public let expiresAt: Date?
    public let since: Date

    public init(code: String, source: Source, market: String? = nil, expiresAt: Date? = nil, since: Date) {
        self.code = code
        self.source = source
        self.market = market
        self.expiresAt = expiresAt
        self.since = since
    }

    public func isActive(at now: Date) -> Bool { expiresAt.map { now < $0 } ?? true }

    /// True for a merchant's group code: 1 to 40 lowercase ASCII letters, digits, `-` or `_`.
    public static func isValidCode(_ code: String) -> Bool {
        (1...40).contains(code.utf8.count)
            && code.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }
}
