public import Hummingbird
public import NIOCore

/// The request context of every Pasar route: Hummingbird's core storage, the peer address, and the
/// caller its API key identified (see `CallerMiddleware`), and the one JSON decoder and encoder of the API.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// Set by `CallerMiddleware` on `/v1` routes.
    public var caller: Caller = .anonymous
    /// What inner middlewares found out, for the request's log line.
    public let facts = RequestFacts()

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Bodies above 1 MiB are refused with 413 before they are read.
    public var maxUploadSize: Int { 1 << 20 }

    /// `request.decode(as:context:)`: strict JSON, failures as problems naming the field.
    public var requestDecoder: JSONRequestDecoder { JSONRequestDecoder() }
    /// Views returned by handlers: JSON with an entity tag.
    public var responseEncoder: JSONResponseEncoder { JSONResponseEncoder() }
}
