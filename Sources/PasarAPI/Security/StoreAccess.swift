import HTTPTypes
import Hummingbird

/// Store routes (`/v1/stores/{store}/…`) answer the admin key and the staff keys bound to that
/// store; a staff key of another store gets 403 naming the stores it is bound to. Staff name the
/// person at the till in `Pasar-Operator`, which the audit log records.
enum StoreAccess {
    static let operatorHeader = HTTPField.Name("Pasar-Operator")!

    /// Who acts: the key's name and the operator (the admin may leave the operator out).
    struct Actor {
        let keyName: String
        let operatorID: String
    }

    /// The admin, or a staff key bound to `store`, with the person at the till.
    static func require(_ store: String, request: Request, context: AppRequestContext) throws -> Actor {
        try requireKey(anyOf: [store], context: context)
        return try actor(request: request, context: context)
    }

    /// The admin key, or a staff key bound to one of `stores`: no key is 401, another key 403 (a staff
    /// key's names the stores it is bound to).
    static func requireKey(anyOf stores: [String], context: AppRequestContext) throws {
        let caller = context.caller
        switch caller.role {
        case .admin:
            return
        case .anonymous:
            throw Problem(.unauthorized, code: "unauthorized", title: "Unauthorized", detail: Self.needed)
        case .channel:
            guard let bound = caller.stores else { throw Problem(.forbidden, code: "wrong_scope", title: "Forbidden", detail: Self.needed) }
            guard stores.contains(where: bound.contains) else { throw Problem.otherStore(caller) }
        }
    }

    private static let needed = "this route needs a staff key of the store or the admin key"

    /// The caller's key name and the person it names in `Pasar-Operator` (required of staff; the
    /// admin defaults to `admin`).
    static func actor(request: Request, context: AppRequestContext) throws -> Actor {
        let caller = context.caller
        let header = request.headers[operatorHeader]?.trimmed
        guard let operatorID = header, !operatorID.isEmpty else {
            if caller.isAdmin { return Actor(keyName: caller.name, operatorID: "admin") }
            throw Problem.invalidField(operatorHeader.rawName, "name the person at the till (1 to 64 characters)")
        }
        guard operatorID.count <= 64, !operatorID.contains(where: \.isNewline) else {
            throw Problem.invalidField(operatorHeader.rawName, "must be 1 to 64 characters on one line")
        }
        return Actor(keyName: caller.name, operatorID: operatorID)
    }
}

extension Problem {
    /// A staff key used beyond its stores.
    static func otherStore(_ caller: Caller) -> Problem {
        Problem(
            .forbidden, code: "store_forbidden", title: "Forbidden",
            detail: "this staff key is bound to store \(caller.storeList) and may not act elsewhere", field: "store")
    }
}
