public import Hummingbird

/// The request context of every Pasar route: Hummingbird's core storage plus the request id that
/// appears in logs and in problem responses.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// Bodies above 1 MiB are refused with 413 before they are read.
    public var maxUploadSize: Int { 1 << 20 }
}
