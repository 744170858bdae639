import PasarCore

/// An event a status or return plan appends to the outbox, in the transaction of its change.
struct OrderEventToAppend {
    let kind: OutboxEvent.Kind
    let arguments: OutboxEvent.Arguments
}
