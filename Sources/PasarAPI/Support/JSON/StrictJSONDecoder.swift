import Foundation

/// Decodes request bodies with synthesized `Decodable` conformances and refuses what Foundation's decoder
/// lets through silently: a member no field read (`tax_clas`), and a number with a fraction or out of range
/// where an integer belongs (`2.5`, `1e30`). Both arrive as `BodyFieldError`s naming the field, so input
/// types need no hand-written `init(from:)` to be strict.
///
/// ```swift
/// struct AddLineInput: Decodable { let sku: String; let quantity: Int64? }
/// try StrictJSONDecoder().decode(AddLineInput.self, from: Array(#"{"sku": "A", "qty": 2}"#.utf8))
/// // DecodingError.dataCorrupted at "qty", underlying BodyFieldError.unknownField
/// ```
struct StrictJSONDecoder: Sendable {
    func decode<Value: Decodable>(_ type: Value.Type, from bytes: some Collection<UInt8>) throws -> Value {
        let root: JSONValue
        do {
            root = try JSONValue.parse(bytes)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "is not valid JSON", underlyingError: error))
        }
        let reads = MemberReads()
        let value = try JSONValueDecoder(value: root, codingPath: [], reads: reads).decode(Value.self)
        try reads.refuseUnread()
        return value
    }
}

/// The members of every object a decode opened, and which of them a field read. Members nobody read are
/// unknown once the whole value has decoded: a type may open one object twice (a tagged record reads
/// `type`, then its payload reads the rest), so the check waits for the end.
private final class MemberReads {
    struct Opened {
        let codingPath: [any CodingKey]
        let names: [String]
        var read: Set<String> = []
    }

    private var opened: [Opened] = []
    private var indexByPath: [String: Int] = [:]

    func open(_ names: [String], at codingPath: [any CodingKey]) -> Int {
        let path = codingPath.map(\.stringValue).joined(separator: "\u{1F}")
        if let index = indexByPath[path] { return index }
        opened.append(Opened(codingPath: codingPath, names: names))
        indexByPath[path] = opened.count - 1
        return opened.count - 1
    }

    func markRead(_ name: String, in object: Int) { opened[object].read.insert(name) }

    func refuseUnread() throws {
        for object in opened {
            if let name = object.names.first(where: { !object.read.contains($0) }) {
                throw BodyFieldError.unknownField.decodingError(at: object.codingPath + [MemberKey(name)])
            }
        }
    }
}

/// A member name or array index in a coding path.
private struct MemberKey: CodingKey {
    let stringValue: String
    let intValue: Int?
    init(_ name: String) { stringValue = name; intValue = nil }
    init(index: Int) { stringValue = "\(index)"; intValue = index }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(index: intValue) }
}

private struct JSONValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let reads: MemberReads
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func child(_ value: JSONValue, at key: any CodingKey) -> JSONValueDecoder {
        JSONValueDecoder(value: value, codingPath: codingPath + [key], reads: reads)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw mismatch([String: String].self) }
        let object = reads.open(members.map(\.0), at: codingPath)
        return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self, members: Dictionary(members, uniquingKeysWith: { $1 }), object: object))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else { throw mismatch([String].self) }
        return UnkeyedContainer(decoder: self, elements: elements)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValueContainer(decoder: self) }

    /// The one place a JSON value becomes a Swift value.
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        if case .null = value, !(Value.self is any OptionalDecodable.Type) {
            throw DecodingError.valueNotFound(Value.self, .init(codingPath: codingPath, debugDescription: "is null"))
        }
        if Value.self == String.self {
            guard case .string(let text) = value else { throw mismatch(Value.self) }
            return text as! Value
        }
        if Value.self == Bool.self {
            guard case .bool(let flag) = value else { throw mismatch(Value.self) }
            return flag as! Value
        }
        if let integer = Value.self as? any FixedWidthInteger.Type {
            return try wholeNumber(integer) as! Value
        }
        if Value.self == Double.self || Value.self == Float.self || Value.self == Decimal.self {
            guard case .number(let text) = value else { throw mismatch(Value.self) }
            if Value.self == Decimal.self, let decimal = Decimal(string: text) { return decimal as! Value }
            if Value.self == Double.self, let double = Double(text) { return double as! Value }
            if Value.self == Float.self, let float = Float(text) { return float as! Value }
            throw mismatch(Value.self)
        }
        return try Value(from: self)
    }

    private func wholeNumber<Integer: FixedWidthInteger>(_ type: Integer.Type) throws -> Integer {
        guard case .number(let text) = value else { throw BodyFieldError.notWholeNumber.decodingError(at: codingPath) }
        if let exact = Integer(text) { return exact }
        // `3.0` and `3e2` are whole numbers written another way; `2.5`, `1e30` and overflow are not.
        guard let decimal = Decimal(string: text), decimal.isWhole, let exact = Integer(NSDecimalNumber(decimal: decimal).stringValue) else {
            throw BodyFieldError.notWholeNumber.decodingError(at: codingPath)
        }
        return exact
    }

    private func mismatch(_ type: Any.Type) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "wrong type"))
    }
}

/// Lets `decode` tell `Optional<T>` (which accepts `null`) from every other type.
private protocol OptionalDecodable {}
extension Optional: OptionalDecodable {}

extension Decimal {
    fileprivate var isWhole: Bool {
        var copy = self
        var rounded = Decimal()
        NSDecimalRound(&rounded, &copy, 0, .plain)
        return rounded == self
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: JSONValueDecoder
    let members: [String: JSONValue]
    let object: Int

    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool {
        decoder.reads.markRead(key.stringValue, in: object)
        return members[key.stringValue] != nil
    }

    private func member(_ key: Key) throws -> JSONValueDecoder {
        decoder.reads.markRead(key.stringValue, in: object)
        guard let value = members[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "is required"))
        }
        return decoder.child(value, at: key)
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard case .null = try member(key).value else { return false }
        return true
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try member(key).decode(T.self) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try member(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try member(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try member(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try member(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try member(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try member(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try member(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try member(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try member(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try member(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try member(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try member(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try member(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try member(key).decode(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try member(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try member(key).unkeyedContainer() }
    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { try member(key) }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: JSONValueDecoder
    let elements: [JSONValue]
    private(set) var currentIndex = 0

    init(decoder: JSONValueDecoder, elements: [JSONValue]) {
        self.decoder = decoder
        self.elements = elements
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private mutating func next() throws -> JSONValueDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath + [MemberKey(index: currentIndex)], debugDescription: "is past the end"))
        }
        defer { currentIndex += 1 }
        return decoder.child(elements[currentIndex], at: MemberKey(index: currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, case .null = elements[currentIndex] else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(T.self) }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try next().decode(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next().decode(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next().decode(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next().decode(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next().decode(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next().decode(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next().decode(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next().decode(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next().decode(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next().decode(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next().decode(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next().decode(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next().decode(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next().decode(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try next() }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let decoder: JSONValueDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool {
        guard case .null = decoder.value else { return false }
        return true
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(T.self) }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.decode(type) }
    func decode(_ type: String.Type) throws -> String { try decoder.decode(type) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.decode(type) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.decode(type) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.decode(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.decode(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.decode(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.decode(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.decode(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.decode(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.decode(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.decode(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.decode(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.decode(type) }
}
