import Foundation
import Hummingbird
import PasarStorage
import ServiceLifecycle

/// `GET /v1/carts/{id}/events`: Server-Sent Events with the whole cart (as `GET` renders it, in the
/// request's language) on connect and after every change, so an app and a POS screen showing the
/// same cart stay in step. `: heartbeat` comments keep proxies from closing an idle stream.
struct CartEventsStream {
    let services: APIServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/carts/:cart/events", use: stream)
        group.post("/carts/:cart/stream-tokens", use: issueToken)
    }

    /// `POST /v1/carts/{id}/stream-tokens`: a token that opens this cart's stream from a browser's
    /// `EventSource`, which cannot send the key (`CartStreamToken`).
    @Sendable func issueToken(request: Request, context: AppRequestContext) async throws -> EditedResponse<StreamTokenView> {
        let (cart, _) = try await CartResponder(services: services).pathCart(request: request, context: context)
        let token = CartStreamToken(cartID: cart.id, expires: Date().addingTimeInterval(CartStreamToken.lifetime), caller: context.caller)
        let signed = token.signed(key: services.streamTokenKey)
        let url = "/v1/carts/\(cart.id)/events?\(CartStreamToken.queryName)=\(signed)"
        return StreamTokenView(token: signed, expiresAt: CartPresenter.timestamp(token.expires), eventsURL: url).reply(.created)
    }

    @Sendable func stream(request: Request, context: AppRequestContext) async throws -> Response {
        let responder = CartResponder(services: services)
        let (cart, scope) = try await responder.pathCart(request: request, context: context)
        let subscription = services.cartEvents.subscribe(cartID: cart.id)
        let first = try await responder.view(cart, scope: scope)
        let carts = services.carts
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-store", .contentLanguage: scope.language.identifier]
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                // The stream ends when the cart closes, the client goes away (a write fails), or the
                // server shuts down gracefully.
                try await withGracefulShutdownHandler {
                    var sent = cart.version
                    try await writer.write(try Self.event(first, version: sent))
                    events: for await signal in subscription.signals {
                        switch signal {
                        case .heartbeat:
                            try await writer.write(ByteBuffer(string: ": heartbeat\n\n"))
                        case .changed(let version) where version > sent:
                            guard let current = try await carts.cart(id: cart.id) else { break events }
                            sent = current.version
                            try await writer.write(try Self.event(try await responder.view(current, scope: scope), version: sent))
                            if current.status != .active { break events }
                        case .changed:
                            continue
                        }
                    }
                } onGracefulShutdown: {
                    subscription.end()
                }
                try await writer.finish(nil)
            })
    }

    private static func event(_ view: CartView, version: Int64) throws -> ByteBuffer {
        let json = String(decoding: try JSONResponseEncoder.encode(view), as: UTF8.self)
        return ByteBuffer(string: "event: cart\nid: \(version)\ndata: \(json)\n\n")
    }
}

struct StreamTokenView: ResponseEncodable {
    let token: String
    /// Connect before this; an open stream stays open.
    let expiresAt: String
    let eventsURL: String

    enum CodingKeys: String, CodingKey {
        case token, expiresAt = "expires_at", eventsURL = "events_url"
    }
}
