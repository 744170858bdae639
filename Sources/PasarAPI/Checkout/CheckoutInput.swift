import PasarCore

/// `POST /v1/carts/{cart}/checkout` body.
///
/// ```json
/// {"fulfilment": {"type": "collect", "store": "berlin-mitte"}, "email": "ayse@example.com"}
/// {"fulfilment": {"type": "ship", "shipping_method": "standard",
///   "address": {"name": "Ayşe Yılmaz", "line1": "Oranienstraße 5", "postal_code": "10997", "city": "Berlin", "country": "DE"}},
///  "payment": {"provider": "manual", "method": "bank_transfer"}}
/// ```
struct CheckoutInput: Decodable {
    struct Fulfilment: Decodable {
        let type: String
        let store: String?
        let shippingMethod: String?
        let address: AddressInput?

        enum CodingKeys: String, CodingKey {
            case type, store, address
            case shippingMethod = "shipping_method"
        }
    }

    struct AddressInput: Decodable {
        let name: String
        let line1: String
        let line2: String?
        let postalCode: String
        let city: String
        let country: String

        enum CodingKeys: String, CodingKey {
            case name, line1, line2, city, country
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

    enum CodingKeys: String, CodingKey {
        case fulfilment, email, payment
        case customerID = "customer_id"
    }
}
