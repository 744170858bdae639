import Hummingbird

/// The reference of the HTTP benchmarks: a bare Hummingbird route returning a small JSON document,
/// measured in the same run as Pasar so results are ratios that survive a noisy machine.
/// Usage: `BareServer PORT`.
@main
struct BareServer {
    static func main() async throws {
        let port = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 8090
        let router = Router()
        router.get("/bare") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"id":"tea-rize-black","name":"Rize Black Tea","price":"6.90"}"#)))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
        try await app.runService()
    }
}
