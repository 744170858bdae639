import Hummingbird
import PasarCore
import PasarLocalization
import PasarStorage

/// The problems routes raise, named once so the same situation always reads the same.
extension Problem {
    public static func invalidField(_ field: String, _ detail: String, extensions: [String: String] = [:]) -> Problem {
        Problem(.badRequest, code: "invalid_field", title: "Invalid field", detail: "\(field): \(detail)", field: field, extensions: extensions)
    }

    /// A required field (or query parameter) that is absent.
    static func missingField(_ field: String) -> Problem {
        invalidField(field, "is required").saying("problem_required", ["field": .text(field)])
    }

    public static func notFound(_ what: String, field: String? = nil) -> Problem {
        Problem(.notFound, code: "not_found", title: "Not found", detail: "\(what) does not exist", field: field)
    }

    static func conflict(_ field: String, _ detail: String) -> Problem {
        Problem(.conflict, code: "conflict", title: "Conflict", detail: detail, field: field)
    }

    static let missingAdminKey = Problem(
        .unauthorized, code: "unauthorized", title: "Unauthorized",
        detail: "admin routes need 'Authorization: Bearer <admin key>'")

    static let adminDisabled = Problem(
        .forbidden, code: "admin_disabled", title: "Forbidden",
        detail: "admin routes are disabled: start the server with --admin-key or PASAR_ADMIN_KEY")

    static let missingKey = Problem(
        .unauthorized, code: "unauthorized", title: "Unauthorized", detail: "send your channel's API key as 'Authorization: Bearer <key>'"
    ).saying("problem_missing_key")

    static let unknownKey = Problem(.unauthorized, code: "unauthorized", title: "Unauthorized", detail: "the API key is not valid")
        .saying("problem_unknown_key")

    static func originNotAllowed(_ origin: String) -> Problem {
        Problem(
            .forbidden, code: "origin_not_allowed", title: "Origin not allowed",
            detail: "this publishable key may not be used from pages of \(origin)", field: "Origin"
        ).saying("problem_origin_not_allowed")
    }

    /// A route that hands out access to carts the caller does not hold (cart codes) refuses keys that sit in web pages.
    static let publishableKeyRefused = Problem(
        .forbidden, code: "publishable_key_refused", title: "Forbidden", detail: "a publishable key may not use this route; use the channel's secret key"
    ).saying("problem_publishable_key_refused")

    static let wrongScope = Problem(.forbidden, code: "forbidden", title: "Forbidden", detail: "this API key may not use admin routes")

    /// The database does not answer or is busy for now (`DatabaseUnavailable`): ask again in a moment.
    static let databaseUnavailable: Problem = {
        var problem = Problem(
            .serviceUnavailable, code: "database_unavailable", title: "Service unavailable",
            detail: "the database does not answer; try again shortly")
        problem.headers[.retryAfter] = "2"
        return problem
    }()

    /// Maps storage failures to client errors; anything else stays a server error.
    static func from(_ error: StorageError) -> Problem {
        switch error {
        case .notFound(let what): .notFound(what)
        case .conflict(let field, let message): .conflict(field, message)
        case .corrupt: Problem(.internalServerError, code: "internal", title: "Internal error", detail: "stored data is unreadable")
        }
    }

    static func from(_ error: MoneyError, field: String) -> Problem {
        .invalidField(field, error.description)
    }
}
