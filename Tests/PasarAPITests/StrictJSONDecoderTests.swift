import Testing

@testable import PasarAPI

@Suite("Request bodies are decoded strictly, each refusal naming its field")
struct StrictJSONDecoderTests {
    struct Line: Decodable, Equatable {
        let sku: String
        let quantity: Int64?
    }

    struct Body: Decodable, Equatable {
        let customerID: String?
        let lines: [Line]
        let tags: [String: String]?

        enum CodingKeys: String, CodingKey { case customerID = "customer_id", lines, tags }
    }

    /// A tagged record reads `type` from the object its payload then reads.
    struct Tagged: Decodable {
        let type: String
        let line: Line

        init(from decoder: any Decoder) throws {
            type = try decoder.container(keyedBy: TypeKey.self).decode(String.self, forKey: .type)
            line = try Line(from: decoder)
        }

        enum TypeKey: String, CodingKey { case type }
    }

    private func decode<Value: Decodable>(_ type: Value.Type, _ json: String) throws -> Value {
        try JSONRequestDecoder.decode(Value.self, from: Array(json.utf8))
    }

    private func refusal(_ json: String) -> (field: String?, detail: String) {
        do {
            _ = try decode(Body.self, json)
            return (nil, "decoded")
        } catch let problem as Problem {
            return (problem.field, problem.detail)
        } catch {
            return (nil, "\(error)")
        }
    }

    @Test func synthesizedConformancesDecodeWireNames() throws {
        let body = try decode(Body.self, #"{"customer_id": "c1", "lines": [{"sku": "A", "quantity": 3.0}, {"sku": "B\u00e9\ud83d\ude00"}], "tags": {"EUR": "x"}}"#)
        #expect(body == Body(customerID: "c1", lines: [Line(sku: "A", quantity: 3), Line(sku: "Bé😀", quantity: nil)], tags: ["EUR": "x"]))
    }

    @Test(arguments: [
        (#"{"lines": [], "customerId": "c1"}"#, "customerId", "is not a field of this request"),
        (#"{"lines": [{"sku": "A", "qty": 2}]}"#, "lines[0].qty", "is not a field of this request"),
        (#"{"lines": [{"sku": "A", "quantity": 2.5}]}"#, "lines[0].quantity", "must be a whole number"),
        (#"{"lines": [{"sku": "A", "quantity": 1e30}]}"#, "lines[0].quantity", "must be a whole number"),
        (#"{"lines": [{"sku": "A", "quantity": "2"}]}"#, "lines[0].quantity", "must be a whole number"),
        (#"{"lines": [{"sku": 7}]}"#, "lines[0].sku", "must be a string"),
        (#"{"lines": [{"quantity": 1}]}"#, "lines[0].sku", "is required"),
        (#"{"lines": null}"#, "lines", "must be a list, not null"),
        (#"{"lines": {}}"#, "lines", "must be a list"),
        (#"{"lines": [], "tags": []}"#, "tags", "must be an object"),
        (#"{"lines": [] "#, "body", "is not valid JSON (UTF-8): expected ',' or '}' at byte 13"),
        (#"{"lines": []} []"#, "body", "is not valid JSON (UTF-8): unexpected data after the document at byte 14"),
        ("{\"lines\": [], \"customer_id\": \"a\u{01}\"}", "body", "is not valid JSON (UTF-8): control character in string at byte 31"),
        (#"{"lines": [], "customer_id": "\ud800"}"#, "body", "is not valid JSON (UTF-8): unpaired surrogate at byte 36"),
        (#"{"lines": [01]}"#, "body", "is not valid JSON (UTF-8): expected ',' or ']' at byte 12"),
    ])
    func refusalsNameTheField(_ json: String, _ field: String, _ detail: String) {
        let refused = refusal(json)
        #expect(refused.field == field)
        #expect(refused.detail == "\(field): \(detail)")
    }

    @Test func aMemberReadByAnyDecoderOfItsObjectIsKnown() throws {
        let tagged = try decode(Tagged.self, #"{"type": "line", "sku": "A"}"#)
        #expect(tagged.type == "line" && tagged.line.sku == "A")
        #expect(throws: Problem.self) { try decode(Tagged.self, #"{"type": "line", "sku": "A", "colour": "red"}"#) }
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: JSONValue.SyntaxError.self) { try JSONValue.parse(Array(deep.utf8)) }
        let fine = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try JSONValue.parse(Array(fine.utf8)) }
    }
}
