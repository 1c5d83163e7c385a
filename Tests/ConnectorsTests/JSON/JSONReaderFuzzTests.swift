@testable import Connectors
import Foundation
import OmnidashCore
import Sandbox
import Testing
import Warehouse

/// The byte-level reader against Foundation, on thousands of seeded inputs: random documents, and real orders
/// truncated, corrupted, deepened and given odd values. Whatever the reader accepts, Foundation parses to the same
/// thing; whatever it refuses, it refuses with one line; nothing crashes.
@Suite("JSONReader fuzzing")
struct JSONReaderFuzzTests {
    // MARK: Random documents

    @Test func randomDocumentsReadAsFoundationReadsThem() throws {
        var random = SeededRandom(seed: 20_261_130)
        var accepted = 0, refused = 0
        for _ in 0..<4_000 {
            var bytes = Array(Self.document(&random, depth: 0).utf8)
            if random.chance(0.6) { Self.mutate(&bytes, &random) }
            switch Self.readTree(bytes) {
            case .success(let tree):
                accepted += 1
                guard let foundation = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else {
                    // Foundation refuses a number it cannot hold as a Double; the reader keeps numbers as text.
                    if !tree.hasNumberBeyondDouble {
                        Issue.record("the reader accepted what Foundation refuses: \(String(decoding: bytes.prefix(200), as: UTF8.self))")
                    }
                    continue
                }
                #expect(tree.matches(foundation), "different readings of \(String(decoding: bytes.prefix(200), as: UTF8.self))")
            case .failure(let error):
                refused += 1
                #expect(!error.description.isEmpty && !error.description.contains("\n"))
            }
        }
        #expect(accepted > 1_000 && refused > 1_000, "the inputs exercise both outcomes: \(accepted) accepted, \(refused) refused")
    }

    @Test func nestingBeyondFoundationsLimitIsRefusedAndNothingOverflowsTheStack() {
        let deep = Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        guard case .failure(let error) = Self.readTree(deep) else {
            Issue.record("a 100,000-deep array was accepted")
            return
        }
        #expect(error == .tooDeep(at: JSONReader.maximumDepth))
        let allowed = Array((String(repeating: "[", count: 500) + String(repeating: "]", count: 500)).utf8)
        #expect((try? Self.readTree(allowed).get()) != nil)
    }

    @Test("amounts are exact or refused", arguments: [
        ("0", 0), ("12.5", 12_500_000), ("-0.05", -50_000), ("48000", 48_000_000_000), ("1e3", 1_000_000_000),
        ("1.5E-1", 150_000), ("0.000001", 1), ("1.0000000", 1_000_000),
    ] as [(String, Int64)])
    func amountsAreExact(text: String, micros: Int64) throws {
        let amount = try #require(FixedDecimal(text))
        #expect(amount.micros == micros)
        #expect(amount.decimal == Decimal(string: text), "the same value Foundation's Decimal reads")
    }

    @Test(arguments: ["0.0000001", "01", "1.", ".5", "-", "1e", "+1", "9223372036854775807", "1e40", "1 2", "0x10", "NaN", ""])
    func amountsThatCannotBeHeldExactlyAreRefused(text: String) {
        #expect(FixedDecimal(text) == nil)
    }

    // MARK: Real orders, damaged

    @Test func damagedOrdersParseAsFoundationDecodesThemOrAreRejected() throws {
        let world = SandboxWorld(seed: 11, asOf: BusinessDate("2026-11-20")!)
        var records: [[UInt8]] = []
        try world.exportShopeeOrders(count: 40) { chunk in
            records += chunk.split(separator: UInt8(ascii: "\n")).map(Array.init)
        }
        let parser = ShopeeOrderParser(hasher: PIIHasher(secret: "fuzz-pii-key-0123456789"))
        var random = SeededRandom(seed: 7)
        var accepted = 0, rejected = 0
        for round in 0..<3_000 {
            var bytes = records[round % records.count]
            let clean = round < records.count
            if !clean { Self.damage(&bytes, &random) }
            let scanner = JSONScanner(bytes)
            let outcome = parser.parse(scanner, 0..<bytes.count, shopID: "1")
            let oracle = try? JSONDecoder().decode(OracleOrder.self, from: Data(bytes))
            switch outcome {
            case .row(let row):
                accepted += 1
                guard let oracle, oracle.isValid else {
                    let why = Result { try JSONDecoder().decode(OracleOrder.self, from: Data(bytes)) }
                    Issue.record("accepted an order Foundation does not decode (\(why)): \(String(decoding: bytes.prefix(300), as: UTF8.self))")
                    continue
                }
                #expect(row["order_sn"] == .text(oracle.orderSN) && row["currency"] == .text(oracle.currency)
                        && row["order_status"] == .text(oracle.orderStatus) && row["create_time"] == .integer(oracle.createTime)
                        && row["update_time"] == .integer(oracle.updateTime))
                #expect(row["total_amount"] == SQLValue(oracle.totalAmount.map { "\($0)" }))
                let items = try JSONDecoder().decode([OracleOrder.Item].self, from: Data(try #require(row["items"].string).utf8))
                #expect(items == oracle.itemList, "the items column is item_list as received")
                let raw = try #require(row["raw_json"].string)
                // RFC 8259 JSON; JSONSerialization alone also refuses numbers beyond a Double, which JSON allows.
                #expect((try? Self.readTree(Array(raw.utf8)).get()) != nil, "raw_json is JSON: \(raw)")
                if let buyer = oracle.buyerUsername, buyer.count > 3 { #expect(!raw.contains("\"\(buyer)\"")) }
            case .reject(let reject):
                rejected += 1
                #expect(clean == false, "a clean Sandbox order was rejected: \(reject.reason)")
                #expect(!reject.reason.isEmpty && !reject.reason.contains("\n"), "\(reject.reason)")
            }
        }
        #expect(accepted > 300 && rejected > 300, "\(accepted) accepted, \(rejected) rejected")
    }

    /// What `JSONDecoder` makes of an order: the decoding the reader replaced, kept here as the oracle.
    struct OracleOrder: Decodable {
        struct Item: Decodable, Equatable {
            let itemID: Int64
            let itemName: String
            let itemSKU: String?
            let modelID: Int64?
            let modelSKU: String?
            let quantity: Int64
            let originalPrice: Decimal
            let discountedPrice: Decimal
            enum CodingKeys: String, CodingKey {
                case itemID = "item_id", itemName = "item_name", itemSKU = "item_sku", modelID = "model_id", modelSKU = "model_sku",
                     quantity = "model_quantity_purchased", originalPrice = "model_original_price", discountedPrice = "model_discounted_price"
            }
        }
        let orderSN: String
        let currency: String
        let orderStatus: String
        let createTime: Int64
        let updateTime: Int64
        let totalAmount: Decimal?
        let buyerUsername: String?
        let itemList: [Item]
        enum CodingKeys: String, CodingKey {
            case orderSN = "order_sn", currency, orderStatus = "order_status", createTime = "create_time", updateTime = "update_time",
                 totalAmount = "total_amount", buyerUsername = "buyer_username", itemList = "item_list"
        }
        var isValid: Bool {
            !orderSN.isEmpty && currency.count == 3 && !orderStatus.isEmpty && createTime > 0 && updateTime >= createTime
                && !itemList.isEmpty && itemList.allSatisfy { $0.quantity >= 1 && $0.discountedPrice >= 0 && $0.originalPrice >= 0 }
        }
    }

    // MARK: Generators

    static func document(_ random: inout SeededRandom, depth: Int) -> String {
        let space = random.chance(0.2) ? " \n" : ""
        switch random.below(depth > 4 ? 5 : 8) {
        case 0: return "null"
        case 1: return random.chance(0.5) ? "true" : "false"
        case 2: return number(&random)
        case 3, 4: return string(&random)
        case 5, 6:
            let count = random.below(5)
            let members = (0..<count).map { index in "\(space)\"k\(index)\(random.chance(0.3) ? "\\u00e9" : "")\":\(space)\(document(&random, depth: depth + 1))" }
            return "{" + members.joined(separator: ",") + space + "}"
        default:
            let count = random.below(5)
            return "[" + (0..<count).map { _ in space + document(&random, depth: depth + 1) }.joined(separator: ",") + "]"
        }
    }

    static func number(_ random: inout SeededRandom) -> String {
        switch random.below(7) {
        case 0: return String(Int64(bitPattern: random.next()) >> random.below(63))
        case 1: return "\(random.below(100_000)).\(random.below(1000))"
        case 2: return "-\(random.below(10)).\(random.below(100))e\(random.chance(0.5) ? "-" : "+")\(random.below(30))"
        case 3: return "0"
        case 4: return String(repeating: "9", count: 1 + random.below(40))
        case 5: return "1e\(300 + random.below(100))"
        default: return "\(random.below(1000))"
        }
    }

    static func string(_ random: inout SeededRandom) -> String {
        let pieces = ["abc", "ร้านค้า", "\\n", "\\\"", "\\\\", "\\/", "\\u0041", "\\ud83d\\ude00", "😀", " ", "\\t", "é", "\\u00", "\\ud800"]
        return "\"" + (0..<random.below(5)).map { _ in pieces[random.below(pieces.count - (random.chance(0.9) ? 2 : 0))] }.joined() + "\""
    }

    /// Byte-level damage: truncation, a wrong byte, an extra byte, a missing run.
    static func mutate(_ bytes: inout [UInt8], _ random: inout SeededRandom) {
        guard !bytes.isEmpty else { return }
        let palette: [UInt8] = Array("\"{}[],:\\0123456789-.eEnt ".utf8) + [0xFF, 0xC3, 0xE0, 0x80, 0x00, 0x1F, 0xED]
        let at = random.below(bytes.count)
        switch random.below(4) {
        case 0: bytes.removeSubrange(at...)
        case 1: bytes[at] = palette[random.below(palette.count)]
        case 2: bytes.insert(palette[random.below(palette.count)], at: at)
        default: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(8)))
        }
    }

    /// Damage aimed at an order: byte-level, or a field's value swapped for an odd one.
    static func damage(_ bytes: inout [UInt8], _ random: inout SeededRandom) {
        if random.chance(0.4) {
            mutate(&bytes, &random)
            return
        }
        let fields = ["\"order_sn\":", "\"create_time\":", "\"update_time\":", "\"total_amount\":", "\"model_quantity_purchased\":",
                      "\"model_discounted_price\":", "\"model_original_price\":", "\"item_id\":", "\"currency\":", "\"item_list\":",
                      "\"buyer_username\":", "\"order_status\":"]
        let values = ["\"12\"", "1.5", "-3", "1e2", "99999999999999999999", "null", "true", "[]", "{}", "\"\"", "0", "\"THBX\"",
                      "12.1234567", "\"\\u0041\"", "1E400"]
        let text = String(decoding: bytes, as: UTF8.self)
        let field = fields[random.below(fields.count)]
        guard let keyRange = text.range(of: field) else { return }
        // Replace the value up to the next ',' or '}' at the same level, good enough for scalars; lists lose their tail.
        let rest = text[keyRange.upperBound...]
        let end = rest.firstIndex { $0 == "," || $0 == "}" } ?? rest.endIndex
        bytes = Array((text[..<keyRange.upperBound] + values[random.below(values.count)] + text[end...]).utf8)
    }

    // MARK: Reading a whole tree

    indirect enum Tree {
        case null, bool(Bool), number(String), string(String), array([Tree]), object([(String, Tree)])

        var hasNumberBeyondDouble: Bool {
            switch self {
            case .number(let text): !(Double(text)?.isFinite ?? false)
            case .array(let elements): elements.contains { $0.hasNumberBeyondDouble }
            case .object(let members): members.contains { $0.1.hasNumberBeyondDouble }
            default: false
            }
        }

        /// Equal to what `JSONSerialization` made of the same bytes: numbers by value, objects with the last of
        /// duplicate names.
        func matches(_ value: Any) -> Bool {
            switch self {
            case .null: return value is NSNull
            case .bool(let flag): return (value as? Bool) == flag
            case .number(let text):
                guard let number = value as? NSNumber else { return false }
                if let integer = Int64(text) { return number.int64Value == integer && number.doubleValue == Double(integer) }
                // Foundation holds a long integer as a 38-digit Decimal and a fraction as a Double.
                return number.doubleValue == Double(text) || number.decimalValue == Decimal(string: text)
            case .string(let text): return value as? String == text
            case .array(let elements):
                guard let array = value as? [Any], array.count == elements.count else { return false }
                return zip(elements, array).allSatisfy { $0.matches($1) }
            case .object(let members):
                guard let object = value as? [String: Any] else { return false }
                var last: [String: Tree] = [:]
                for (name, tree) in members { last[name] = tree }
                return last.count == object.count && last.allSatisfy { name, tree in object[name].map(tree.matches) ?? false }
            }
        }
    }

    static func readTree(_ bytes: [UInt8]) -> Result<Tree, JSONReadError> {
        bytes.withUnsafeBufferPointer { buffer -> Result<Tree, JSONReadError> in
            var reader = JSONReader(buffer)
            do throws(JSONReadError) {
                let tree = try read(&reader)
                try reader.expectEnd()
                return .success(tree)
            } catch {
                return .failure(error)
            }
        }
    }

    static func read(_ reader: inout JSONReader) throws(JSONReadError) -> Tree {
        switch reader.peek() {
        case UInt8(ascii: "{")?:
            var members: [(String, Tree)] = []
            try reader.readObject { reader, key throws(JSONReadError) in members.append((key.name, try read(&reader))) }
            return .object(members)
        case UInt8(ascii: "[")?:
            var elements: [Tree] = []
            try reader.readArray { reader, _ throws(JSONReadError) in elements.append(try read(&reader)) }
            return .array(elements)
        case UInt8(ascii: "\"")?: return .string(try reader.readString())
        case UInt8(ascii: "t")?, UInt8(ascii: "f")?: return .bool(try reader.readBool())
        case UInt8(ascii: "n")?: _ = try reader.readNull(); return .null
        default: return .number(try reader.readNumberText())
        }
    }
}

/// SplitMix64: the same inputs on every run and machine, so a failure can be replayed.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }
    mutating func chance(_ probability: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < probability }
}
