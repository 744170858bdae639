import PasarLocalization
import PasarStorage

/// Request bodies of the cart routes. Field names are snake_case on the wire; unknown fields are
/// refused, naming the field.

struct CreateCartInput: Decodable {
    let market: String
    let customerID: String?
    let email: String?
    /// True when the guest agrees to marketing email (an abandoned-cart reminder) at `email`.
    let marketingConsent: Bool?
    let lines: [AddLineInput]?

    enum CodingKeys: String, CodingKey {
        case market, customerID = "customer_id", email, lines, marketingConsent = "marketing_consent"
    }
}

struct AddLineInput: Decodable {
    let sku: String
    /// Defaults to 1.
    let quantity: Int64?
}

struct UpdateLineInput: Decodable {
    let quantity: Int64
}

/// `{"market": "jp"}`: the market a cart switches to.
struct SwitchMarketInput: Decodable {
    let market: String
}

/// `{"code": "WELCOME10"}`: a voucher to add.
struct VoucherCodeInput: Decodable {
    let code: String
}

/// `{"method": "express"}`; absent or null goes back to the market's cheapest method.
struct ShippingMethodInput: Decodable {
    let method: String?
}

/// `{"source_cart_id": "…"}`: the cart whose lines move into this one.
struct MergeInput: Decodable {
    let sourceCartID: String

    enum CodingKeys: String, CodingKey { case sourceCartID = "source_cart_id" }
}

/// `{"token": "…"}`: a recovery token from an abandoned-cart message.
struct RecoverInput: Decodable {
    let token: String
}

struct SignInInput: Decodable {
    let customerID: String
    let email: String?

    enum CodingKeys: String, CodingKey {
        case customerID = "customer_id", email
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

    /// Consent needs an address to belong to.
    static func marketingConsent(_ value: Bool?, email: String?) throws -> Bool {
        guard value == true else { return false }
        guard email != nil else { throw Problem.invalidField("marketing_consent", "needs the email it is given for") }
        return true
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
