import Foundation
import Hummingbird

/// The demo storefront and POS pages (`pasar serve --demo`): the folder they are served from under
/// `/demo/`, and the keys of their own they call the API with: a publishable `web` key bound to the
/// pages' origins and a `pos` key for the till, made afresh at every start and handed to the pages
/// at `/demo/keys.json`. Handing out a secret key is only acceptable because a demo server already
/// serves storefront routes to anyone; the pages use the keys to show how a client holds them.
public struct DemoSite: Sendable {
    public static let keysPath = "/demo/keys.json"

    public let pages: String
    public let storefrontKey: String
    public let posKey: String

    public init(pages: String, storefrontKey: String = APIKeyring.newKey(publishable: true), posKey: String = APIKeyring.newKey(publishable: false)) {
        self.pages = pages
        self.storefrontKey = storefrontKey
        self.posKey = posKey
    }

    /// The keyring entries of the two keys; the storefront key works from `origins` and from pages of
    /// this server (as every publishable key does).
    public func keyEntries(origins: Set<String>) -> [APIKeyring.Entry] {
        [
            APIKeyring.Entry(name: "demo-storefront", role: .channel("web"), key: storefrontKey, publishableOrigins: origins),
            APIKeyring.Entry(name: "demo-pos", role: .channel("pos"), key: posKey),
        ]
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.add(middleware: DemoPagesMiddleware(folder: pages))
        // The pages' relative links need the trailing slash. The router matches `/demo/` here too;
        // its 404 lets `DemoPagesMiddleware` answer with index.html.
        router.get(RouterPath(DemoPagesMiddleware.basePath)) { request, _ in
            guard request.uri.path == DemoPagesMiddleware.basePath else { throw HTTPError(.notFound) }
            return Response.redirect(to: DemoPagesMiddleware.basePath + "/")
        }
        let keys = DemoKeysView(storefront: storefrontKey, pos: posKey)
        router.get(RouterPath(Self.keysPath)) { _, _ in
            EditedResponse(headers: [.cacheControl: "no-store"], response: keys)
        }
    }
}

struct DemoKeysView: ResponseEncodable {
    let storefront: String
    let pos: String
}
