import PasarCore

/// `POST /v1/carts/{cart}/checkout` body; unknown members are refused, so a typo is an error.
///
/// ```json
/// {"fulfilment": {"type": "collect", "store": "berlin-mitte"}, "email": "ayse@example.com"}
/// {"fulfilment": {"type": "ship", "shipping_method": "standard",
///   "address": {"name": "Ayşe Yılmaz", "line1": "Oranienstraße 5", "postal_code": "10997", "city": "Berlin", "country": "DE"}},
///  "payment": {"provider": "manual", "method": "bank_transfer"}}
/// ```
struct CheckoutInput: Decodable {
    struct Fulfilment: Decodable {
        let type: FulfilmentKind
        let store: String?
        let shippingMethod: String?
        let address: AddressInput?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case type, store, address
            case shippingMethod = "shipping_method"
        }

        init(from decoder: any Decoder) throws {
            try UnknownKeys.reject(in: decoder, allowed: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            guard let kind = FulfilmentKind(rawValue: try container.decode(String.self, forKey: .type)) else {
                throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "must be ship or collect")
            }
            type = kind
            store = try container.decodeIfPresent(String.self, forKey: .store)
            shippingMethod = try container.decodeIfPresent(String.self, forKey: .shippingMethod)
            address = try container.decodeIfPresent(AddressInput.self, forKey: .address)
        }
    }

    struct AddressInput: Decodable {
        let name: String
        let line1: String
        let line2: String?
        let postalCode: String
        let city: String
        let country: String

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, line1, line2, city, country
            case postalCode = "postal_code"
        }

        init(from decoder: any Decoder) throws {
            try UnknownKeys.reject(in: decoder, allowed: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            line1 = try container.decode(String.self, forKey: .line1)
            line2 = try container.decodeIfPresent(String.self, forKey: .line2)
            postalCode = try container.decode(String.self, forKey: .postalCode)
            city = try container.decode(String.self, forKey: .city)
            country = try container.decode(String.self, forKey: .country)
        }
    }

    struct Payment: Decodable {
        let provider: String?
        let method: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case provider, method }

        init(from decoder: any Decoder) throws {
            try UnknownKeys.reject(in: decoder, allowed: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            provider = try container.decodeIfPresent(String.self, forKey: .provider)
            method = try container.decodeIfPresent(String.self, forKey: .method)
        }
    }

    let fulfilment: Fulfilment
    let email: String?
    let customerID: String?
    let payment: Payment?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case fulfilment, email, payment
        case customerID = "customer_id"
    }

    init(from decoder: any Decoder) throws {
        try UnknownKeys.reject(in: decoder, allowed: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fulfilment = try container.decode(Fulfilment.self, forKey: .fulfilment)
        email = try container.decodeIfPresent(String.self, forKey: .email)
        customerID = try container.decodeIfPresent(String.self, forKey: .customerID)
        payment = try container.decodeIfPresent(Payment.self, forKey: .payment)
    }
}
