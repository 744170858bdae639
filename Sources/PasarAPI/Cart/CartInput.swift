import PasarStorage

/// Request bodies of the cart routes. Field names are snake_case on the wire.

struct CreateCartInput: Decodable {
    let market: String
    let customerID: String?
    let email: String?
    let lines: [AddLineInput]?

    enum CodingKeys: String, CodingKey {
        case market, customerID = "customer_id", email, lines
    }
}

struct AddLineInput: Decodable {
    let sku: String
    /// Defaults to 1.
    let quantity: Int64?

    enum CodingKeys: String, CodingKey { case sku, quantity }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sku = try container.decode(String.self, forKey: .sku)
        quantity = try container.decodeWholeNumberIfPresent(forKey: .quantity)
    }
}

struct UpdateLineInput: Decodable {
    let quantity: Int64

    enum CodingKeys: String, CodingKey { case quantity }

    init(from decoder: any Decoder) throws {
        quantity = try decoder.container(keyedBy: CodingKeys.self).decodeWholeNumber(forKey: .quantity)
    }
}

struct SwitchMarketInput: Decodable {
    let market: String
}

struct VoucherCodeInput: Decodable {
    let code: String
}

struct ShippingMethodInput: Decodable {
    /// Nil goes back to the market's cheapest method.
    let method: String?
}

struct SignInInput: Decodable {
    let customerID: String
    let email: String?

    enum CodingKeys: String, CodingKey {
        case customerID = "customer_id", email
    }
}

struct MergeInput: Decodable {
    let sourceCartID: String

    enum CodingKeys: String, CodingKey {
        case sourceCartID = "source_cart_id"
    }
}

struct RecoverInput: Decodable {
    let token: String
}

/// Checks shared by the cart inputs, each naming the field it refuses.
enum CartInputRules {
    static func quantity(_ value: Int64, field: String, limits: CartLimits) throws -> Int64 {
        guard (1...limits.maxQuantityPerLine).contains(value) else {
            throw Problem.invalidField(field, "must be a whole number from 1 to \(limits.maxQuantityPerLine)")
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
