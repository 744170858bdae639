import Hummingbird

/// `GET /readyz`: whether this process can serve, i.e. its database answers. Load balancers in front
/// of several processes on one PostgreSQL database route around a process that lost its database;
/// `/healthz` only says the process runs. A database that fails gives 503 at once; one that hangs,
/// after `APIServices.readinessTimeout` (10 s): longer than a load balancer's own check timeout, so
/// under load the balancer decides rather than a guess made here.
struct ReadinessCheck {
    let services: APIServices

    static let unavailable = Problem.databaseUnavailable

    @Sendable func respond(request: Request, context: AppRequestContext) async throws -> StatusView {
        let carts = services.carts
        let timeout = services.readinessTimeout
        let answered = await withTaskGroup(of: Bool.self) { group in
            // A primary-key read of a cart that never exists: one cheap query on either database.
            group.addTask {
                do {
                    _ = try await carts.cart(id: "readiness-probe")
                    return true
                } catch {
                    return false
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            defer { group.cancelAll() }
            return await group.next() ?? false
        }
        guard answered else { throw Self.unavailable }
        return StatusView(status: "ready")
    }
}
