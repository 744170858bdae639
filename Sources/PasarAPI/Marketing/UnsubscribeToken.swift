/// The token of an unsubscribe link: `SignedToken` of the address and the language the page
/// speaks. It does not expire (people unsubscribe from old emails too) and can only withdraw
/// consent, so it needs no nonce.
struct UnsubscribeToken: Equatable {
    let email: String
    let language: String

    /// Derived from the recovery key, so every process sharing one database accepts the links.
    static func key(from settings: CartSettings) -> [UInt8] { SignedToken.derivedKey(settings.recoveryKey, purpose: "pasar unsubscribe") }

    func signed(key: [UInt8]) -> String { SignedToken.sign("\(language) \(email)", key: key) }

    static func verify(_ text: String, key: [UInt8]) -> UnsubscribeToken? {
        guard text.utf8.count <= 1024, let payload = SignedToken.verify(text, key: key) else { return nil }
        let fields = payload.split(separator: " ", maxSplits: 1)
        guard fields.count == 2 else { return nil }
        return UnsubscribeToken(email: String(fields[1]), language: String(fields[0]))
    }
}
