public import Foundation
public import PasarMarkets
public import PasarStorage

/// Loads vouchers from a JSON file — an object of code → definition, each as
/// `PUT /v1/admin/vouchers/{code}` takes it — with the same validation as the admin route.
public enum VoucherImporter {
    @discardableResult
    public static func importFile(at path: String, into carts: any CartStore, markets: MarketSnapshot) async throws -> Int {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let inputs = try JSONRequestDecoder.decode([String: VoucherInput].self, from: data)
        for (code, input) in inputs.sorted(by: { $0.key < $1.key }) {
            try await carts.saveVoucher(try input.voucher(code: code, markets: markets))
        }
        return inputs.count
    }
}
