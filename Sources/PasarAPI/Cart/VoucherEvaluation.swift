import Foundation
import PasarCore
import PasarMarkets

/// Which of a cart's vouchers apply right now, and why the others do not. The first applicable
/// discount voucher gives the discount; any applicable free-shipping voucher makes shipping free.
struct VoucherEvaluation {
    struct Result {
        let code: String
        let voucher: Voucher?
        let rejection: VoucherRejection?
    }

    let results: [Result]

    init(codes: [String], vouchers: [String: Voucher], market: Market, subtotal: Money, now: Date) {
        var discountTaken: String?
        results = codes.map { code in
            guard let voucher = vouchers[code] else { return Result(code: code, voucher: nil, rejection: .unknown) }
            if let rejection = voucher.rejection(market: market.code, subtotal: subtotal, at: now) {
                return Result(code: code, voucher: voucher, rejection: rejection)
            }
            if !voucher.isFreeShipping {
                if let taken = discountTaken { return Result(code: code, voucher: voucher, rejection: .oneDiscountPerCart(existing: taken)) }
                discountTaken = code
            }
            return Result(code: code, voucher: voucher, rejection: nil)
        }
    }

    var freeShipping: Bool { results.contains { $0.rejection == nil && $0.voucher?.isFreeShipping == true } }

    func discount(currency: Currency) -> CartCalculator.Discount {
        results.first { $0.rejection == nil && $0.voucher?.isFreeShipping == false }?.voucher?.discount(currency: currency) ?? .none
    }

    static func kind(of voucher: Voucher) -> String {
        switch voucher.benefit {
        case .percentage: "percentage"
        case .fixed: "fixed"
        case .freeShipping: "free_shipping"
        }
    }
}
