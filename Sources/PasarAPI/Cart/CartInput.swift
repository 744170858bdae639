import PasarLocalization
import PasarStorage

/// Request bodies of the cart routes. Field names are snake_case on the wire; unknown fields are
/// refused, naming the field.

struct CreateCartInput: Decodable {
    let market: String
    let customerID: String?
    let email: String?
    let lines: [AddLineInput]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case market, customerID = "customer_id", email, lines
    }

    init(from decoder: any Decoder) throws {
        try UnknownKeys.reject(in: decoder, allowed: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        market = try container.decode(String.self, forKey: .market)
        customerID = try container.decodeIfPresent(String.self, forKey: .customerID)
        email = try container.decodeIfPresent(String.self, forKey: .email)
        lines = try container.decodeIfPresent([AddLineInput].self, forKey: .lines)
    }
}

struct AddLineInput: Decodable {
    let sku: String
    /// Defaults to 1.
    let quantity: Int64?

    enum CodingKeys: String, CodingKey, CaseIterable { case sku, quantity }

    init(from decoder: any Decoder) throws {
        try UnknownKeys.reject(in: decoder, allowed: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sku = try container.decode(String.self, forKey: .sku)
        quantity = try container.decodeWholeNumberIfPresent(forKey: .quantity)
    }
}

struct UpdateLineInput: Decodable {
    let quantity: Int64

    enum CodingKeys: String, CodingKey, CaseIterable { case quantity }

    init(from decoder: any Decoder) throws {
        try UnknownKeys.reject(in: decoder, allowed: CodingKeys.self)
        quantity = try decoder.container(keyedBy: CodingKeys.self).decodeWholeNumber(forKey: .quantity)
    }
}

/// A body of one string field (`{"market": "jp"}`, `{"code": "WELCOME10"}`…), named by `Field`.
struct SingleFieldInput<Field: SingleField>: Decodable {
    let value: String?

    init(from decoder: any Decoder) throws {
        try UnknownKeys.reject(in: decoder, allowed: Field.self)
        let container = try decoder.container(keyedBy: Field.self)
        value = Field.optional ? try container.decodeIfPresent(String.self, forKey: Field.key) : try container.decode(String.self, forKey: Field.key)
    }
}

protocol SingleField: CodingKey, CaseIterable {
    static var key: Self { get }
    /// True when the field may be absent or null.
    static var optional: Bool { get }
}

extension SingleField {
    static var optional: Bool { false }
}

enum MarketField: String, SingleField {
    case market
    static var key: Self { .market }
}

enum CodeField: String, SingleField {
    case code
    static var key: Self { .code }
}

enum ShippingMethodField: String, SingleField {
    case method
    static var key: Self { .method }
    /// Absent or null goes back to the market's cheapest method.
    static var optional: Bool { true }
}

enum SourceCartField: String, SingleField {
    case sourceCartID = "source_cart_id"
    static var key: Self { .sourceCartID }
}

enum TokenField: String, SingleField {
    case token
    static var key: Self { .token }
}

struct SignInInput: Decodable {
    let customerID: String
    let email: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case customerID = "customer_id", email
    }

    init(from decoder: any Decoder) throws {
        try UnknownKeys.reject(in: decoder, allowed: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        customerID = try container.decode(String.self, forKey: .customerID)
        email = try container.decodeIfPresent(String.self, forKey: .email)
    }
}

/// Checks shared by the cart inputs, each naming the field it refuses.
enum CartInputRules {
    static func quantity(_ value: Int64, field: String, limits: CartLimits) throws -> Int64 {
        guard (1...limits.maxQuantityPerLine).contains(value) else {
            throw Problem.invalidField(field, "must be a whole number from 1 to \(limits.maxQuantityPerLine)")
                .saying("problem_quantity_range", ["field": .text(field), "max": .number(String(limits.maxQuantityPerLine))])
        }
        return value
    }

    static func customerID(_ value: String, field: String = "customer_id") throws -> String {
        let trimmed = value.trimmed
        guard (1...100).contains(trimmed.count), !trimmed.contains(where: \.isNewline) else {
            throw Problem.invalidField(field, "must be 1 to 100 characters")
        }
        return trimmed
    }

    static func email(_ value: String?, field: String = "email") throws -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmed
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard trimmed.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !trimmed.contains(where: \.isWhitespace) else {
            throw Problem.invalidField(field, "'\(value)' is not an email address such as ana@example.com")
        }
        return trimmed
    }

    static func text(_ value: String, field: String, maxLength: Int) throws -> String {
        let trimmed = value.trimmed
        guard (1...maxLength).contains(trimmed.count) else { throw Problem.invalidField(field, "must be 1 to \(maxLength) characters") }
        return trimmed
    }
}

extension String {
    var trimmed: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

typealias SwitchMarketInput = SingleFieldInput<MarketField>
typealias VoucherCodeInput = SingleFieldInput<CodeField>
typealias ShippingMethodInput = SingleFieldInput<ShippingMethodField>
typealias MergeInput = SingleFieldInput<SourceCartField>
typealias RecoverInput = SingleFieldInput<TokenField>
