public import Foundation
public import PasarStorage

/// How carts behave: lifetime, size limits and the key that signs recovery links.
public struct CartSettings: Sendable {
    /// Carts untouched for longer expire.
    public var lifetime: TimeInterval
    public var limits: CartLimits
    /// HMAC key of abandoned-cart recovery tokens; a random key per process unless configured
    /// (then links do not survive a restart).
    public var recoveryKey: [UInt8]
    /// How long a recovery link stays valid.
    public var recoveryLinkLifetime: TimeInterval

    public init(
        lifetime: TimeInterval = 30 * 24 * 3600, limits: CartLimits = CartLimits(), recoveryKey: [UInt8]? = nil,
        recoveryLinkLifetime: TimeInterval = 7 * 24 * 3600
    ) {
        self.lifetime = lifetime
        self.limits = limits
        self.recoveryKey = recoveryKey ?? CartIdentifier.randomBytes(32)
        self.recoveryLinkLifetime = recoveryLinkLifetime
    }
}
