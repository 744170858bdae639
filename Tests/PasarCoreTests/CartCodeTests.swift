import PasarCore
import Testing

@Suite("Cart codes as people type them")
struct CartCodeTests {
    @Test(arguments: [("K7Q-9XM", "K7Q9XM"), ("k7q 9xm", "K7Q9XM"), ("O1L-I00", "011100"), ("  abc-def ", "ABCDEF")])
    func typingIsForgiving(typed: String, value: String) throws {
        #expect(try #require(CartCode(typed: typed)).value == value)
    }

    @Test(arguments: ["", "K7Q9X", "K7Q9XMM", "K7Q-9XU", "K7Q_9XM", "ＫＱ７９ＸＭ"])
    func whatIsNoCodeIsRefused(typed: String) {
        #expect(CartCode(typed: typed) == nil)
    }

    @Test func randomCodesUseTheAlphabetAndReadInTwoGroups() throws {
        for _ in 0..<200 {
            let code = CartCode.random()
            #expect(CartCode(typed: code.value) == code)
            #expect(code.display.count == 7 && code.display.dropFirst(3).first == "-")
        }
    }
}
