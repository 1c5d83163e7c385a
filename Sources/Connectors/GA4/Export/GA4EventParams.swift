/// An event's `event_params`: a repeated `{key, value{string_value, int_value, float_value, double_value}}`, where usually
/// one value is set and a numeric parameter lands in `int_value` or `double_value` depending on what the tag sent.
struct GA4EventParams {
    private var values: [String: JSONRecord] = [:]

    init(_ event: JSONRecord, _ name: String) throws(JSONRecord.Problem) {
        guard let range = event.value(name) else { return }
        guard let elements = try? event.scanner.elements(of: range) else { throw JSONRecord.Problem(reason: "\(name): is not an array") }
        for (index, element) in elements.enumerated() {
            let param: JSONRecord
            do {
                param = try JSONRecord(event.scanner, element)
            } catch {
                throw JSONRecord.Problem(reason: "\(name)[\(index)]: is not an object")
            }
            guard let key = try? param.string("key"), !key.isEmpty else { throw JSONRecord.Problem(reason: "\(name)[\(index)].key: is required") }
            guard let valueRange = param.value("value") else { continue }
            guard let value = try? JSONRecord(event.scanner, valueRange) else {
                throw JSONRecord.Problem(reason: "\(name)[\(key)].value: is not an object")
            }
            values[key] = value
        }
    }

    /// The parameter as text, whichever value holds it.
    func text(_ key: String) -> String? {
        guard let value = values[key] else { return nil }
        return ["string_value", "int_value", "double_value", "float_value"].lazy.compactMap { value.scalar($0) }.first
    }

    /// A whole-number parameter (INT64 as a JSON string or number); a string value of digits is accepted too.
    func integer(_ key: String) throws(JSONRecord.Problem) -> Int64? {
        guard let text = text(key) else { return nil }
        guard let number = Int64(text) else { throw JSONRecord.Problem(reason: "event_params[\(key)]: '\(text)' is not a whole number") }
        return number
    }

    /// A numeric parameter as its exact text: `int_value`, else `double_value`, else `float_value`.
    func number(_ key: String) -> String? {
        guard let value = values[key] else { return nil }
        return ["int_value", "double_value", "float_value"].lazy.compactMap { value.scalar($0) }.first
    }
}
