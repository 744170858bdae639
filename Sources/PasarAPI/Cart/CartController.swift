import Foundation
import Hummingbird
import PasarCore
import PasarStorage

/// The shared cart: one server-side cart that every channel opens by its unguessable id (or a
/// signed-in customer by identity and market), with atomic line changes and versioned writes.
struct CartController {
    let services: APIServices
    private var responder: CartResponder { CartResponder(services: services) }
    private var limits: CartLimits { services.cartSettings.limits }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("/carts", use: create)
        group.get("/carts", use: lookup)
        group.get("/carts/:cart", use: get)
        group.post("/carts/:cart/lines", use: addLine)
        group.patch("/carts/:cart/lines/:line", use: updateLine)
        group.delete("/carts/:cart/lines/:line", use: removeLine)
        group.put("/carts/:cart/market", use: switchMarket)
        group.put("/carts/:cart/shipping", use: setShipping)
        group.post("/carts/:cart/vouchers", use: addVoucher)
        group.delete("/carts/:cart/vouchers/:code", use: removeVoucher)
        group.post("/carts/:cart/customer", use: signIn)
        group.delete("/carts/:cart/customer", use: signOut)
        group.post("/carts/:cart/merge", use: merge)
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> EditedResponse<CartView> {
        let input = try await request.decode(as: CreateCartInput.self, context: context)
        let marketCode = input.market.trimmed.lowercased()
        // A market that does not exist is a 404, as for reads; `market_closed` (409) is for carts
        // of a market that was removed while they were open.
        guard services.markets.snapshot.market(code: marketCode) != nil else { throw Problem.notFound("market '\(marketCode)'", field: "market") }
        let scope = try CartScope(marketCode: marketCode, request: request, context: context, services: services)
        let customerID = try input.customerID.map { try CartInputRules.customerID($0) }
        if let customerID { try await CustomerAccess.require(customerID, request: request, context: context, services: services) }
        let email = try CartInputRules.email(input.email)
        let lines = input.lines ?? []
        guard lines.count <= limits.maxLines else { throw Problem.invalidField("lines", "a cart holds at most \(limits.maxLines) lines") }
        // Price every line first, so a bad line refuses the whole request before anything is written.
        let pricer = try await CartLinePricer.forCustomer(customerID, market: scope.market, channel: scope.channel, services: services)
        var newLines: [NewCartLine] = []
        for (index, line) in lines.enumerated() {
            newLines.append(try await newLine(line, pricer: pricer, field: "lines[\(index)]"))
        }
        if let customerID, let existing = try await services.carts.activeCart(customerID: customerID, market: scope.market.code) {
            throw Problem.from(CartStoreError.customerHasCart(market: scope.market.code, cartID: existing.id))
        }
        let id = CartIdentifier.make()
        var cart = try await services.carts.create(
            NewCart(
                id: id, market: scope.market.code, currency: scope.market.currency.code, customerID: customerID, email: email, channel: scope.channel,
                language: scope.language.identifier, marketingConsent: try CartInputRules.marketingConsent(input.marketingConsent, email: email)))
        for line in newLines {
            cart = try await services.carts.addLine(line, market: scope.market.code, limits: limits, write: CartWrite(cartID: id, channel: scope.channel))
        }
        context.logger.info("cart created", metadata: ["cart.market": "\(cart.market)", "cart.channel": "\(scope.channel)"])
        return try await responder.response(cart, scope: scope, status: .created, location: "/v1/carts/\(id)")
    }

    /// `GET /v1/carts?customer_id=…&market=…`: a signed-in customer's active cart, from any channel.
    @Sendable func lookup(request: Request, context: AppRequestContext) async throws -> EditedResponse<CartView> {
        let query = QueryValues(request: request)
        guard let customer = try query.string("customer_id", maxLength: 100) else { throw Problem.invalidField("customer_id", "is required") }
        guard let market = try query.string("market", maxLength: 20)?.lowercased() else { throw Problem.invalidField("market", "is required") }
        try await CustomerAccess.require(customer, request: request, context: context, services: services)
        let scope = try CartScope(marketCode: market, request: request, context: context, services: services)
        guard let cart = try await services.carts.activeCart(customerID: customer, market: market) else {
            throw Problem.notFound("an active cart of customer '\(customer)' in market \(market)", field: "customer_id")
        }
        return try await responder.response(cart, scope: scope)
    }

    @Sendable func get(request: Request, context: AppRequestContext) async throws -> EditedResponse<CartView> {
        let (cart, scope) = try await responder.pathCart(request: request, context: context)
        return try await responder.response(cart, scope: scope)
    }

    @Sendable func addLine(request: Request, context: AppRequestContext) async throws -> EditedResponse<CartView> {
        let input = try await request.decode(as: AddLineInput.self, context: context)
        let expected = try CartScope.expectedVersion(request)
        return try await pricingAgainIfTheMarketChanges {
            let (cartID, market, scope) = try await responder.pathCartScope(request: request, context: context)
            // A guest's cart, as this process last showed it, needs no read of its customer's groups.
            let knownGuest = services.cartMarkets.isGuest(cartID)
            let pricer =
                knownGuest
                ? CartLinePricer(catalog: services.catalog, market: scope.market, channel: scope.channel)
                : try await CartLinePricer.forCart(cartID, market: scope.market, channel: scope.channel, services: services)
            let line = try await newLine(input, pricer: pricer, field: nil)
            do {
                return try await responder.write(scope: scope, request: request) {
                    let cart = try await services.carts.addLine(
                        line, market: market, limits: limits, write: CartWrite(cartID: cartID, channel: scope.channel, expectedVersion: expected))
                    // Signed in by another process since: the customer's group prices apply to the new line too.
                    guard knownGuest, cart.customerID != nil, !scope.market.customerGroups.isEmpty else { return cart }
                    return try await CartRepricer(services: services).reprice(cart, market: scope.market, channel: scope.channel)
                }
            } catch CartStoreError.marketChanged {
                services.cartMarkets.forget(cartID)
                throw CartStoreError.marketChanged
            }
        }
    }

    @Sendable func updateLine(request: Request, context: AppRequestContext) async throws -> EditedResponse<CartView> {
        let input = try await request.decode(as: UpdateLineInput.self, context: context)
        let quantity = try CartInputRules.quantity(input.quantity, field: "quantity", limits: limits)
        let lineID = try context.parameters.require("line")
        // The new quantity may reach (or leave) a quantity tier: price the line's variant again.
        let loaded = try await responder.pathCart(request: request, context: context)
        let (cart, scope) = loaded
        guard let line = cart.lines.first(where: { $0.id == lineID }) else { throw Problem.from(CartStoreError.lineNotFound(lineID)) }
        let pricer = try await CartLinePricer.forCustomer(cart.customerID, market: scope.market, channel: scope.channel, services: services)
        var price: LinePrice?
        if let product = try await services.catalog.product(id: line.productID) { price = try await pricer.price(product, sku: line.sku) }
        return try await write(request: request, context: context, loaded: loaded) { write in
            try await services.carts.setQuantity(lineID: lineID, quantity: quantity, price: price?.unavailableReason == nil ? price : nil, write: write)
        }
    }

    @Sendable func removeLine(request: Request, context: AppRequestContext) async throws -> EditedResponse<CartView> {
        let lineID = try context.parameters.require("line")
        return try await write(request: request, context: context) { write in
            try await services.carts.removeLine(lineID: lineID, write: write)
        }
    }

    @Sendable func setShipping(request: Request, context: AppRequestContext) async throws -> EditedResponse<CartView> {
        let input = try await request.decode(as: ShippingMethodInput.self, context: context)
        let loaded = try await responder.pathCart(request: request, context: context)
        let scope = loaded.1
        if let method = input.method, !scope.market.shippingMethods.contains(where: { $0.id == method }) {
            throw Problem.invalidField(
                "method", "'\(method)' is not a shipping method of market \(scope.market.code) (\(scope.market.shippingMethods.map(\.id).joined(separator: ", ")))")
        }
        return try await write(request: request, context: context, loaded: loaded) { write in
            try await services.carts.setShippingMethod(input.method, write: write)
        }
    }

    /// `PUT /v1/carts/{id}/market`: reprices every line in the new market's currency; lines not sold
    /// there stay in the cart, flagged unavailable, and count in no total.
    @Sendable func switchMarket(request: Request, context: AppRequestContext) async throws -> EditedResponse<CartView> {
        let input = try await request.decode(as: SwitchMarketInput.self, context: context)
        let target = input.market.trimmed.lowercased()
        let expected = try CartScope.expectedVersion(request)
        return try await pricingAgainIfTheMarketChanges {
            let (cart, _) = try await responder.pathCart(request: request, context: context)
            guard let market = services.markets.snapshot.market(code: target) else {
                throw Problem.invalidField("market", "'\(target)' is not a market")
            }
            let scope = try CartScope(marketCode: target, request: request, context: context, services: services)
            let pricer = try await CartLinePricer.forCustomer(cart.customerID, market: market, channel: scope.channel, services: services)
            let prices = try await pricer.prices(of: cart)
            return try await responder.write(scope: scope, request: request) {
                try await services.carts.switchMarket(
                    to: market.code, currency: market.currency.code, prices: prices, fromMarket: cart.market,
                    write: CartWrite(cartID: cart.id, channel: scope.channel, expectedVersion: expected))
            }
        }
    }

    @Sendable func addVoucher(request: Request, context: AppRequestContext) async throws -> EditedResponse<CartView> {
        let input = try await request.decode(as: VoucherCodeInput.self, context: context)
        let code = Voucher.normalize(try CartInputRules.text(input.code, field: "code", maxLength: 40))
        let loaded = try await responder.pathCart(request: request, context: context)
        let (cart, scope) = loaded
        if let rejection = try await voucherRejection(code: code, cart: cart, channel: scope.channel) {
            let message = try services.cartMessages.voucherRejection(rejection, code: code, market: scope.market, language: scope.language)
            throw Problem.voucherRejected(rejection, message: message)
        }
        return try await write(request: request, context: context, loaded: loaded) { write in
            try await services.carts.addVoucher(code: code, write: write)
        }
    }

    @Sendable func removeVoucher(request: Request, context: AppRequestContext) async throws -> EditedResponse<CartView> {
        let code = Voucher.normalize(try context.parameters.require("code"))
        return try await write(request: request, context: context) { write in
            try await services.carts.removeVoucher(code: code, write: write)
        }
    }

    /// `POST /v1/carts/{id}/customer`: the shopper signed in. The guest cart becomes the customer's,
    /// or, when the customer already has a cart in this market, is merged into it (`CartMerge`
    /// policy); the response is the customer's cart with a `merge` report.
    @Sendable func signIn(request: Request, context: AppRequestContext) async throws -> EditedResponse<CartView> {
        let input = try await request.decode(as: SignInInput.self, context: context)
        let customerID = try CartInputRules.customerID(input.customerID)
        try await CustomerAccess.require(customerID, request: request, context: context, services: services)
        let email = try CartInputRules.email(input.email)
        return try await mergeWrite(request: request, context: context) { write in
            try await services.carts.signIn(customerID: customerID, email: email, limits: limits, write: write)
        }
    }

    /// `DELETE /v1/carts/{id}/customer`: the shopper signed out. The cart stays open as a guest cart
    /// (same id, lines and vouchers) without the customer, every line priced again as for a guest.
    @Sendable func signOut(request: Request, context: AppRequestContext) async throws -> EditedResponse<CartView> {
        let expected = try CartScope.expectedVersion(request)
        let (cart, scope) = try await responder.pathCart(request: request, context: context)
        do {
            if let expected, expected != cart.version { throw CartStoreError.stale(cart) }
            guard cart.status == .active else { throw CartStoreError.notActive(cart) }
            let updated = try await CartRepricer(services: services).reprice(cart, market: scope.market, channel: scope.channel, detachCustomer: true)
            services.cartEvents.publish(cartID: updated.id, version: updated.version)
            return try await responder.response(updated, scope: scope)
        } catch let error as CartStoreError {
            throw try await responder.problem(error, scope: scope, request: request)
        }
    }

    /// `POST /v1/carts/{id}/merge`: moves another cart's lines into this one (same market).
    @Sendable func merge(request: Request, context: AppRequestContext) async throws -> EditedResponse<CartView> {
        let input = try await request.decode(as: MergeInput.self, context: context)
        let source = try CartInputRules.text(input.sourceCartID, field: "source_cart_id", maxLength: 64)
        return try await mergeWrite(request: request, context: context) { write in
            try await services.carts.merge(sourceID: source, limits: limits, write: write)
        }
    }

    // MARK: Shared steps

    /// Writes priced for the cart's market run again (three tries in all) when the market changed
    /// between pricing and writing; the store refuses such a write with `marketChanged` (a 409
    /// `cart_busy` once the tries are spent).
    private func pricingAgainIfTheMarketChanges(_ attempt: () async throws -> EditedResponse<CartView>) async throws -> EditedResponse<CartView> {
        for _ in 1..<3 {
            do {
                return try await attempt()
            } catch CartStoreError.marketChanged {
                continue
            }
        }
        return try await attempt()
    }

    /// A store write on the path's cart; `loaded` is the cart a handler already read to validate the
    /// request, so the cart is read once per request.
    private func write(
        request: Request, context: AppRequestContext, loaded: (StoredCart, CartScope)? = nil,
        _ body: @escaping (CartWrite) async throws -> StoredCart
    ) async throws -> EditedResponse<CartView> {
        let expected = try CartScope.expectedVersion(request)
        let (cart, scope) = if let loaded { loaded } else { try await responder.pathCart(request: request, context: context) }
        return try await responder.write(scope: scope, request: request) {
            try await body(CartWrite(cartID: cart.id, channel: scope.channel, expectedVersion: expected))
        }
    }

    private func mergeWrite(
        request: Request, context: AppRequestContext, _ body: (CartWrite) async throws -> CartMergeResult
    ) async throws -> EditedResponse<CartView> {
        let expected = try CartScope.expectedVersion(request)
        let (cart, scope) = try await responder.pathCart(request: request, context: context)
        do {
            let result = try await body(CartWrite(cartID: cart.id, channel: scope.channel, expectedVersion: expected))
            // The cart's customer (and so its groups) may have changed: its lines are priced for them.
            let priced = try await CartRepricer(services: services).reprice(result.cart, market: scope.market, channel: scope.channel)
            services.cartEvents.publish(cartID: priced.id, version: priced.version)
            if let merged = result.mergedCartID, let closed = try await services.carts.cart(id: merged) {
                services.cartEvents.publish(cartID: merged, version: closed.version)
            }
            return try await responder.response(
                priced, scope: scope, merge: MergeReport(mergedCartID: result.mergedCartID, changes: result.changes))
        } catch let error as CartStoreError {
            throw try await responder.problem(error, scope: scope, request: request)
        }
    }

    private func newLine(_ input: AddLineInput, pricer: CartLinePricer, field: String?) async throws -> NewCartLine {
        let prefix = field.map { "\($0)." } ?? ""
        let sku = try CartInputRules.text(input.sku, field: "\(prefix)sku", maxLength: 64)
        let quantity = try CartInputRules.quantity(input.quantity ?? 1, field: "\(prefix)quantity", limits: limits)
        let product = try await pricer.product(sku: sku, field: "\(prefix)sku")
        let price = try await pricer.price(product, sku: sku)
        if let reason = price.unavailableReason { throw Problem.notSold(sku: sku, reason: "'\(sku)' is \(reason)") }
        return NewCartLine(id: CartIdentifier.make(), sku: sku, productID: product.id, quantity: quantity, price: price)
    }

    private func voucherRejection(code: String, cart: StoredCart, channel: String) async throws -> VoucherRejection? {
        guard let voucher = try await services.carts.voucher(code: code) else { return .unknown }
        let subtotal = try CartPresenter.subtotal(of: cart)
        if let rejection = voucher.rejection(market: cart.market, subtotal: subtotal, at: Date()) { return rejection }
        var groups: [String] = []
        if let customerID = cart.customerID, voucher.customerGroups != nil {
            groups = try await services.customerGroups.activeCodes(customerID: customerID, now: Date())
        }
        if let rejection = voucher.audienceRejection(channel: channel, groups: groups) { return rejection }
        // Early word only: checkout claims the use atomically and refuses then if none is left.
        if let max = voucher.maxUses, try await services.voucherUses.uses(code: voucher.code) >= max { return .usedUp }
        if let max = voucher.maxUsesPerCustomer, let customer = cart.customerID ?? cart.email?.lowercased(),
            try await services.voucherUses.uses(code: voucher.code, customerKey: customer) >= max
        {
            return .alreadyUsed
        }
        if !voucher.isFreeShipping {
            let others = try await services.carts.vouchers(codes: cart.vouchers.filter { $0 != code })
            if let existing = others.values.first(where: { !$0.isFreeShipping }) { return .oneDiscountPerCart(existing: existing.code) }
        }
        return nil
    }
}
