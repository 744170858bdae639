/// Why adding a line wrote nothing, once the add's single statement refused it: an existing line would
/// pass the per-line maximum, or a new one would not fit the cart. Decided once for both cart stores.
enum CartLineLimits {
    static func refusal(lineExists: Bool, limits: CartLimits) -> CartStoreError {
        lineExists ? .quantityLimit(max: limits.maxQuantityPerLine) : .lineLimit(max: limits.maxLines)
    }
}
