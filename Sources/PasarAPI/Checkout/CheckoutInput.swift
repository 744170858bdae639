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
        /// A saved address of the cart's customer, instead of `address`.
        let addressID: String?

        enum CodingKeys: String, CodingKey {
            case type, store, address
            case shippingMethod = "shipping_method"
            case addressID = "address_id"
        }

        /// The same fulfilment shipping to `address` (a saved address named by `address_id`).
        func shipping(to address: AddressInput) -> Fulfilment {
            Fulfilment(type: type, store: store, shippingMethod: shippingMethod, address: address, addressID: nil)
        }

        init(type: FulfilmentType, store: String?, shippingMethod: String?, address: AddressInput?, addressID: String?) {
            self.type = type
            self.store = store
            self.shippingMethod = shippingMethod
            self.address = address
            self.addressID = addressID
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
            addressID = try container.decodeIfPresent(String.self, forKey: .addressID)
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

        init(_ saved: SavedAddress) {
            name = saved.address.name
            line1 = saved.address.line1
            line2 = saved.address.line2
            postalCode = saved.address.postalCode
            city = saved.address.city
            country = saved.address.country
            latitude = saved.latitude
            longitude = saved.longitude
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
