import Hummingbird
import PasarStorage

extension Problem {
    /// The problem an error the API knows stands for: problems themselves, storage refusals and
    /// Hummingbird's own errors (unknown route, body too large); nil for anything unexpected.
    static func known(_ error: any Error) -> Problem? {
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
        case let error where DatabaseUnavailable.describes(error):
            return .databaseUnavailable
        default:
            return nil
        }
    }
}
