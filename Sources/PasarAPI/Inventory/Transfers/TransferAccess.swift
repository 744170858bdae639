import Foundation
import Hummingbird
import PasarStorage

/// Who may act on a transfer: the admin, or a staff key of the store the step concerns.
enum TransferAccess {
    /// The actor, with the staff operator when there is one.
    struct Actor {
        let staff: StoreAccess.Actor?
        let name: String

        /// Records a staff step in the store's audit log (the admin's steps are in the movement log).
        func audit(_ action: String, transfer: StockTransfer, store: String, services: APIServices) async throws {
            guard let staff else { return }
            let units = transfer.lines.reduce(Int64(0)) { $0 + $1.quantity }
            try await services.storeOperations.recordAudit(
                store: store, keyName: staff.keyName, operatorID: staff.operatorID, action: action, orderID: nil,
                detail: "\(transfer.id): \(units) units \(transfer.from) → \(transfer.to)", now: Date())
        }
    }

    static func require(_ location: String, request: Request, context: AppRequestContext) throws -> Actor {
        try require(either: [location], request: request, context: context)
    }

    /// Admin, or a staff key bound to one of `locations` (else 403 naming its stores; no key: 401).
    static func require(either locations: [String], request: Request, context: AppRequestContext) throws -> Actor {
        if context.caller.isAdmin { return Actor(staff: nil, name: "admin") }
        guard let stores = context.caller.stores, let store = locations.first(where: stores.contains) else {
            if context.caller.stores != nil { throw Problem.otherStore(context.caller) }
            _ = try StoreAccess.require("", request: request, context: context)
            throw Problem(.forbidden, code: "wrong_scope", title: "Forbidden", detail: "transfers need the admin key or a staff key of the store")
        }
        let staff = try StoreAccess.require(store, request: request, context: context)
        return Actor(staff: staff, name: "\(staff.keyName)/\(staff.operatorID)")
    }
}
