public import PasarMail
public import PasarStorage

/// How `pasar serve` sends email: the SMTP server, the sender address and the retry schedule.
public struct EmailSettings: Sendable {
    public let smtp: SMTPSettings
    public let from: MailAddress
    public let schedule: DeliveryRetrySchedule
    /// How long the sender waits when nothing is due.
    public let pollMilliseconds: Int

    public init(smtp: SMTPSettings, from: MailAddress, retryScale: Double = 1, pollMilliseconds: Int = 200) {
        self.smtp = smtp
        self.from = from
        schedule = DeliveryRetrySchedule(scale: retryScale)
        self.pollMilliseconds = pollMilliseconds
    }
}
