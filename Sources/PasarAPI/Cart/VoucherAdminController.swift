import Foundation
import Hummingbird
import PasarCore
import PasarStorage

/// Merchant routes for discount codes (behind the admin key).
struct VoucherAdminController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.put("/vouchers/:code", use: put)
        group.get("/vouchers/:code", use: get)
    }

    @Sendable func put(request: Request, context: AppRequestContext) async throws -> EditedResponse<VoucherView> {
        let code = Voucher.normalize(try context.parameters.require("code"))
        guard (3...40).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw Problem.invalidField("code", "must be 3 to 40 letters, digits, '-' or '_'")
        }
        let input = try await request.decode(as: VoucherInput.self, context: context)
        let voucher = try input.voucher(code: code, markets: services.markets.snapshot)
        let existed = try await services.carts.voucher(code: code) != nil
        try await services.carts.saveVoucher(voucher)
        return VoucherView(voucher).reply(existed ? .ok : .created)
    }

    @Sendable func get(request: Request, context: AppRequestContext) async throws -> VoucherView {
        let code = try context.parameters.require("code")
        guard let voucher = try await services.carts.voucher(code: code) else { throw Problem.notFound("voucher '\(code)'", field: "code") }
        return VoucherView(voucher)
    }
}

/// A voucher as the admin API shows it.
struct VoucherView: ResponseEncodable {
    let code: String
    let kind: String
    let percent: String?
    let amounts: [String: String]?
    let markets: [String]?
    let minimumSpend: [String: String]
    let validFrom: String?
    let validUntil: String?
    let customerGroups: [String]?
    let channels: [String]?
    let maxUses: Int64?
    let maxUsesPerCustomer: Int64?

    init(_ voucher: Voucher) {
        code = voucher.code
        kind = VoucherEvaluation.kind(of: voucher)
        switch voucher.benefit {
        case .percentage(let rate):
            percent = rate.description
            amounts = nil
        case .fixed(let values):
            percent = nil
            amounts = values.mapValues(\.decimalString)
        case .freeShipping:
            percent = nil
            amounts = nil
        }
        markets = voucher.markets
        minimumSpend = voucher.minimumSpend.mapValues(\.decimalString)
        validFrom = voucher.validFrom.map(CartPresenter.timestamp)
        validUntil = voucher.validUntil.map(CartPresenter.timestamp)
        customerGroups = voucher.customerGroups
        channels = voucher.channels
        maxUses = voucher.maxUses
        maxUsesPerCustomer = voucher.maxUsesPerCustomer
    }

    enum CodingKeys: String, CodingKey {
        case code, kind, percent, amounts, markets, minimumSpend = "minimum_spend", validFrom = "valid_from", validUntil = "valid_until"
        case customerGroups = "customer_groups", channels, maxUses = "max_uses", maxUsesPerCustomer = "max_uses_per_customer"
    }
}
