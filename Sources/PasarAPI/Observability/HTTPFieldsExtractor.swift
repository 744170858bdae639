import HTTPTypes
import Instrumentation

/// Reads trace headers from a request's `HTTPFields` for an `Instrument`.
struct HTTPFieldsExtractor: Extractor {
    func extract(key: String, from fields: HTTPFields) -> String? {
        HTTPField.Name(key).flatMap { fields[$0] }
    }
}
