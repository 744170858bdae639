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

    /// The admin, or a staff key of the store at `location`, with the person who acts.
    static func require(_ location: String, request: Request, context: AppRequestContext) throws -> Actor {
        try StoreAccess.requireKey(anyOf: [location], context: context)
        let actor = try StoreAccess.actor(request: request, context: context)
        guard !context.caller.isAdmin else {
            return Actor(staff: nil, name: actor.operatorID == "admin" ? "admin" : "admin/\(actor.operatorID)")
        }
        return Actor(staff: actor, name: "\(actor.keyName)/\(actor.operatorID)")
    }
}
