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

    /// Reading a transfer: the admin, or a staff key of either end (no operator needed to read).
    static func requireReader(either locations: [String], context: AppRequestContext) throws {
        if context.caller.isAdmin { return }
        guard let stores = context.caller.stores else {
            if context.caller.role == .anonymous {
                throw Problem(.unauthorized, code: "unauthorized", title: "Unauthorized", detail: "transfers need the admin key or a staff key of the store")
            }
            throw Problem(.forbidden, code: "wrong_scope", title: "Forbidden", detail: "transfers need the admin key or a staff key of the store")
        }
        guard locations.contains(where: stores.contains) else { throw Problem.otherStore(context.caller) }
    }

    static func require(_ location: String, request: Request, context: AppRequestContext) throws -> Actor {
        try require(either: [location], request: request, context: context)
    }

    /// Admin, or a staff key bound to one of `locations` (else 403 naming its stores; no key: 401).
    static func require(either locations: [String], request: Request, context: AppRequestContext) throws -> Actor {
        if context.caller.isAdmin {
            // The admin may name an operator too; the header is checked as for staff.
            let admin = try StoreAccess.require(locations.first ?? "", request: request, context: context)
            return Actor(staff: nil, name: admin.operatorID == "admin" ? "admin" : "admin/\(admin.operatorID)")
        }
        guard let stores = context.caller.stores, let store = locations.first(where: stores.contains) else {
            if context.caller.stores != nil { throw Problem.otherStore(context.caller) }
            _ = try StoreAccess.require("", request: request, context: context)
            throw Problem(.forbidden, code: "wrong_scope", title: "Forbidden", detail: "transfers need the admin key or a staff key of the store")
        }
        let staff = try StoreAccess.require(store, request: request, context: context)
        return Actor(staff: staff, name: "\(staff.keyName)/\(staff.operatorID)")
    }
}
