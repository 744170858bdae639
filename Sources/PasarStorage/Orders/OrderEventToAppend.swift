import PasarCore

/// An event a status or return plan appends to the outbox, in the transaction of its change.
struct OrderEventToAppend {
    let kind: OrderEvent.Kind
    let arguments: OrderEvent.Arguments
}
