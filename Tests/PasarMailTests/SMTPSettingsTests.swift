import Testing
@testable import PasarMail

@Suite struct SMTPSettingsTests {
    @Test func parsesFullURLWithPercentEncodedCredentials() throws {
        let settings = try SMTPSettings(url: "smtp://mailer%40pasar.example:p%40ss%3Aw%2Frd@mail.pasar.example:2525?security=starttls&helo=app.pasar.example&timeout=2.5")
        #expect(settings.host == "mail.pasar.example")
        #expect(settings.port == 2525)
        #expect(settings.security == .startTLS)
        #expect(settings.credentials == .init(username: "mailer@pasar.example", password: "p@ss:w/rd"))
        #expect(settings.heloName == "app.pasar.example")
        #expect(settings.commandTimeout == .milliseconds(2500))
        #expect(settings.connectTimeout == .seconds(10))
    }

    @Test(arguments: [
        ("smtp://relay.internal", SMTPSettings.Security.startTLS, 587),
        ("smtp://relay.internal?security=none", .none, 25),
        ("smtp://relay.internal?security=TLS", .tls, 465),
        ("smtps://relay.internal", .tls, 465),
        ("smtp://[::1]:1025?security=none", .none, 1025),
    ])
    func choosesSecurityAndDefaultPort(_ url: String, security: SMTPSettings.Security, port: Int) throws {
        let settings = try SMTPSettings(url: url)
        #expect(settings.security == security)
        #expect(settings.port == port)
        #expect(settings.credentials == nil)
    }

    @Test(arguments: [
        ("http://mail.example", SMTPSettingsError.unsupportedScheme("http")),
        ("smtp://", .missingHost),
        ("smtp://mail.example:abc", .invalidPort("abc")),
        ("smtp://mail.example:99999", .invalidPort("99999")),
        ("smtp://mail.example?security=ssl", .unknownSecurity("ssl")),
        ("smtps://mail.example?security=none", .conflictingSecurity("none")),
        ("smtp://mail.example?tls=1", .unknownParameter("tls")),
        ("smtp://mail.example?timeout=-1", .invalidTimeout(parameter: "timeout", value: "-1")),
        ("smtp://:secret@mail.example", .passwordWithoutUsername),
        ("not a url", .notAURL),
    ])
    func namesWhatIsWrong(_ url: String, expected: SMTPSettingsError) {
        #expect(throws: expected) { try SMTPSettings(url: url) }
    }

    @Test func errorsNeverContainThePassword() {
        #expect {
            try SMTPSettings(url: "smtp://user:hunter2@mail.example:70000")
        } throws: { error in
            !String(describing: error).contains("hunter2")
        }
    }

    @Test func descriptionRedactsPassword() throws {
        let settings = try SMTPSettings(url: "smtp://mailer:hunter2@mail.pasar.example?security=starttls")
        #expect(settings.description == "smtp://mailer:***@mail.pasar.example:587?security=starttls")
        for rendering in [String(describing: settings), String(reflecting: settings), "\(settings)",
                          String(describing: settings.credentials), dumped(settings)] {
            #expect(!rendering.contains("hunter2"), "password leaked in \(rendering)")
        }
    }

    private func dumped(_ value: some Any) -> String {
        var output = ""
        dump(value, to: &output)
        return output
    }
}
