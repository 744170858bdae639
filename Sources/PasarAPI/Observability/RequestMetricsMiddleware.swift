import CoreMetrics
import HTTPTypes
import Hummingbird
import Metrics

/// Rate, errors and duration of every request by route template (`/v1/markets/{market}/products/{id}`),
/// method and status class (`2xx`, `4xx`, `5xx`), and the requests in flight. Hummingbird's own
/// `MetricsMiddleware` labels by the full status code and leaves the histogram buckets to the
/// global factory; Pasar wants few series and buckets from 0.5 ms to 10 s. Outermost, so it sees
/// the status that problems were turned into. The duration ends when the response head is ready
/// (a cart's event stream counts until its first byte, not for its life).
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    private let series: RouteSeries
    private let inFlight: CoreMetrics.Meter

    init(metrics: PasarMetrics) {
        series = RouteSeries(factory: metrics.factory)
        inFlight = CoreMetrics.Meter(label: MetricName.requestsInFlight, factory: metrics.factory)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        inFlight.increment()
        defer { inFlight.decrement() }
        do {
            let response = try await next(request, context)
            series.record(route: context.endpointPath, method: request.method, status: response.status, since: started)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            series.record(route: context.endpointPath, method: request.method, status: status, since: started)
            throw error
        }
    }
}
