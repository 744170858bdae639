import PasarCore

/// `POST /v1/carts/{cart}/checkout` body; unknown members are refused, so a typo is an error.
///
/// ```json
/// {"fulfilment": {"type": "collect", "store": "berlin-mitte"}, "email": "ayse@example.com"}
/// {"fulfilment": {"type": "in_store", "store": "zurich-hb"}, "tenders": [{"type": "cash", "amount": "7.50"}]}
/// {"fulfilment": {"type": "ship", "shipping_method": "standard",
///   "address": {"name": "Ayşe Yılmaz", "line1": "Oranienstraße 5", "postal_code": "10997", "city": "Berlin", "country": "DE"}},
///  "payment": {"provider": "manual", "method": "bank_transfer"}}
/// ```
struct CheckoutInput: Decodable {
    /// How the goods reach the customer: shipped, collected later, or handed over at the till now.
    enum FulfilmentType: String {
        case ship
        case collect
        /// A sale at the till (POS): taken from the store's shelf and paid there at once.
        case inStore = "in_store"
    }

    struct Fulfilment: Decodable {
        let type: FulfilmentType
        let store: String?
        let shippingMethod: String?
        let address: AddressInput?

        enum CodingKeys: String, CodingKey {
            case type, store, address
            case shippingMethod = "shipping_method"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            guard let kind = FulfilmentType(rawValue: try container.decode(String.self, forKey: .type)) else {
                throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "must be ship, collect or in_store")
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
        /// Where the address is, as the client geocoded it: the nearest location ships.
        let latitude: Double?
        let longitude: Double?

        enum CodingKeys: String, CodingKey {
            case name, line1, line2, city, country, latitude, longitude
            case postalCode = "postal_code"
        }
    }

    struct Payment: Decodable {
        let provider: String?
        let method: String?
    }

    let fulfilment: Fulfilment
    let email: String?
    let customerID: String?
    let payment: Payment?
    /// For a sale at the till (`in_store`): what the customer paid with.
    let tenders: [TenderInput]?

    enum CodingKeys: String, CodingKey {
        case fulfilment, email, payment, tenders
        case customerID = "customer_id"
    }
}
