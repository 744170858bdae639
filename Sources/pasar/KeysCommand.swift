import ArgumentParser
import PasarAPI

/// `pasar keys new NAME --channel web`: a new random API key and the entry for the keys file.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Make API keys.", subcommands: [New.self])

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a new random API key and its keys-file entry (only the digest goes in the file).")

        @Argument(help: "A name for the key, shown in logs.")
        var name: String

        @Option(help: "The channel the key acts as (web, mobile, pos…).")
        var channel: String?

        @Flag(help: "An admin key instead of a channel key.")
        var admin = false

        @Flag(help: "A publishable channel key for browser pages (no secret; bound to --origin, limited per client address).")
        var publishable = false

        @Option(name: .customLong("origin"), help: "An origin whose pages may use the publishable key (repeatable).")
        var origins: [String] = []

        @Option(name: .customLong("store"), help: "A store the key works at, making it a staff key of the till (repeatable; with --channel).")
        var stores: [String] = []

        func validate() throws {
            guard (channel != nil) != admin else { throw ValidationError("give either --channel or --admin") }
            guard publishable == !origins.isEmpty else { throw ValidationError("a publishable key needs --origin, and --origin needs --publishable") }
            guard !(publishable && admin) else { throw ValidationError("an admin key cannot be publishable") }
            guard stores.isEmpty || (!admin && !publishable) else { throw ValidationError("--store makes a secret channel key (a staff key), not an admin or publishable one") }
            for origin in origins {
                do { _ = try CrossOriginPolicy.normalized(origin) } catch { throw ValidationError("--origin: \(error)") }
            }
        }

        func run() throws {
            let key = APIKeyring.newKey(publishable: publishable)
            print("key (give it to the client; it is not stored): \(key)")
            print("entry for the keys file:")
            print("  - name: \(name)")
            print(admin ? "    role: admin" : "    channel: \(channel ?? "")")
            if !stores.isEmpty { print("    stores: [\(stores.joined(separator: ", "))]") }
            if publishable {
                print("    publishable: true")
                print("    origins: [\(try origins.map(CrossOriginPolicy.normalized).joined(separator: ", "))]")
            }
            print("    sha256: \(APIKeyring.digest(key))")
        }
    }
}
