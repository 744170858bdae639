import Hummingbird

/// Counts checkouts on the checkout route: placed (201; a retry answered with its stored order, 200,
/// places nothing) and refused, by the problem's `code` (`out_of_stock`, `payment_declined`, …).
struct CheckoutMetricsMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let metrics: PasarMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            if response.status == .created { metrics.checkoutsPlaced.increment() }
            return response
        } catch {
            metrics.checkoutRefused(reason: Problem.known(error)?.code ?? "internal")
            throw error
        }
    }
}
