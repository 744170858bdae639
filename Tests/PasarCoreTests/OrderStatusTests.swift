import PasarCore
import Testing

@Suite("Order status moves forward only along allowed steps")
struct OrderStatusTests {
    @Test(arguments: [
        (OrderStatus.placed, OrderStatus.paid, FulfilmentKind.ship),
        (.paid, .shipped, .ship),
        (.shipped, .delivered, .ship),
        (.placed, .readyForPickup, .collect),
        (.paid, .readyForPickup, .collect),
        (.placed, .cancelled, .ship),
        (.paid, .cancelled, .collect),
        (.readyForPickup, .cancelled, .collect),
    ])
    func allowed(_ from: OrderStatus, _ to: OrderStatus, _ fulfilment: FulfilmentKind) throws {
        try from.validateMove(to: to, fulfilment: fulfilment, isPaid: true)
    }

    @Test(arguments: [
        (OrderStatus.cancelled, OrderStatus.shipped, FulfilmentKind.ship),
        (.cancelled, .paid, .ship),
        (.placed, .shipped, .ship),
        (.paid, .readyForPickup, .ship),
        (.paid, .shipped, .collect),
        (.shipped, .cancelled, .ship),
        (.delivered, .shipped, .ship),
        (.collected, .readyForPickup, .collect),
        (.readyForPickup, .delivered, .collect),
    ])
    func refused(_ from: OrderStatus, _ to: OrderStatus, _ fulfilment: FulfilmentKind) {
        #expect(throws: OrderTransitionError(from: from, to: to, reason: .notAllowed)) {
            try from.validateMove(to: to, fulfilment: fulfilment, isPaid: true)
        }
    }

    @Test func aCollectOrderCanBeHandedOverAtTheCounterAtOnce() throws {
        try OrderStatus.placed.validateMove(to: .collected, fulfilment: .collect, isPaid: true)
        try OrderStatus.paid.validateMove(to: .collected, fulfilment: .collect, isPaid: true)
        #expect(throws: OrderTransitionError(from: .placed, to: .collected, reason: .notAllowed)) {
            try OrderStatus.placed.validateMove(to: .collected, fulfilment: .ship, isPaid: true)
        }
    }

    @Test func collectingNeedsThePaymentFirst() throws {
        #expect(throws: OrderTransitionError(from: .readyForPickup, to: .collected, reason: .paymentMissing)) {
            try OrderStatus.readyForPickup.validateMove(to: .collected, fulfilment: .collect, isPaid: false)
        }
        try OrderStatus.readyForPickup.validateMove(to: .collected, fulfilment: .collect, isPaid: true)
    }

    @Test func aRepeatedStepSaysSo() {
        #expect(throws: OrderTransitionError(from: .paid, to: .paid, reason: .alreadyThere)) {
            try OrderStatus.paid.validateMove(to: .paid, fulfilment: .ship, isPaid: true)
        }
    }

    @Test func finalStatusesGoNowhere() {
        for status in OrderStatus.allCases where status.isFinal {
            #expect(status.next(for: .ship).isEmpty && status.next(for: .collect).isEmpty)
        }
    }
}
