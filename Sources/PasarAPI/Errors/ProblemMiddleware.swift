public import Hummingbird
import HTTPTypes
import Logging
import PasarStorage

/// The outermost middleware: every response carries `X-Request-Id`, and every error a route throws
/// becomes problem+json — problems pass through, Hummingbird's own errors (unknown route, body too
/// large) keep their status, storage refusals become 4xx, and anything unexpected becomes a 500
/// that shows only the request id; details go to the log.
public struct ProblemMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as StaleCart {
            response = try error.response(from: request, context: context)
        } catch {
            response = try problem(for: error, context: context).response(from: request, context: context)
        }
        response.headers[.requestID] = context.id
        return response
    }

    func problem(for error: any Error, context: Context) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as StorageError:
            return Problem.from(error)
        case let error as CartStoreError:
            return Problem.from(error)
        case let error as OrderStoreError:
            return Problem.from(error)
        case let error as InventoryError:
            return Problem.from(error)
        case let error as HTTPError:
            return Problem(
                error.status, code: error.status == .notFound ? "not_found" : "http_\(error.status.code)",
                title: error.status.reasonPhrase, detail: error.body ?? error.status.reasonPhrase)
        default:
            context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            return Problem(
                .internalServerError, code: "internal", title: "Internal error",
                detail: "the request failed; quote request id \(context.id) to support")
        }
    }
}

extension HTTPField.Name {
    static let requestID = Self("X-Request-Id")!
}
