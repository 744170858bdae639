import Foundation
import Hummingbird
import PasarLocalization

/// `GET /v1/unsubscribe?token=…` shows a page asking to confirm (mail scanners follow links, so a
/// GET changes nothing); `POST` withdraws every marketing consent given for the token's address:
/// the page's button, and the one-click `List-Unsubscribe-Post` of RFC 8058 (whose body is ignored).
/// No API key: the link in an email is all a reader has. The page speaks the email's language.
struct UnsubscribeController {
    let services: APIServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/v1/unsubscribe", use: confirm)
        router.post("/v1/unsubscribe", use: unsubscribe)
    }

    @Sendable func confirm(request: Request, context: AppRequestContext) async throws -> Response {
        let token = try self.token(request)
        return try page(token) { message in
            """
            <p>\(HTMLDocument.escape(try message("unsubscribe_question", ["email": .text(token.email)])))</p>
            <form method="post"><button type="submit">\(HTMLDocument.escape(try message("unsubscribe_button", [:])))</button></form>
            """
        }
    }

    @Sendable func unsubscribe(request: Request, context: AppRequestContext) async throws -> Response {
        let token = try self.token(request)
        let withdrawn = try await services.marketing.unsubscribe(email: token.email)
        context.logger.info("marketing consent withdrawn", metadata: ["consents": "\(withdrawn)"])
        return try page(token) { message in "<p>\(HTMLDocument.escape(try message("unsubscribe_done", ["email": .text(token.email)])))</p>" }
    }

    private func token(_ request: Request) throws -> UnsubscribeToken {
        guard let text = try QueryValues(request: request).string("token", maxLength: 1024) else { throw Problem.missingField("token") }
        guard let token = UnsubscribeToken.verify(text, key: UnsubscribeToken.key(from: services.cartSettings)) else {
            throw Problem.invalidField("token", "is not an unsubscribe link of this shop")
        }
        return token
    }

    private func page(_ token: UnsubscribeToken, body: ((String, [String: MessageArgument]) throws -> String) throws -> String) throws -> Response {
        let language = (try? LocaleTag(token.language)) ?? .root
        let message = { (key: String, arguments: [String: MessageArgument]) in try services.messages.format(key, language: language, arguments: arguments) }
        let html = HTMLDocument.render(title: try message("unsubscribe_title", [:]), language: language, body: try body(message))
        return Response(
            status: .ok,
            headers: [.contentType: "text/html; charset=utf-8", .contentLanguage: language.identifier, .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
