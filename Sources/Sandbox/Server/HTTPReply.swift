import Foundation
import Hummingbird

/// Builds the emulators' HTTP responses.
enum HTTPReply {
    static func json(_ status: HTTPResponse.Status, _ bytes: [UInt8], headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func json(_ status: HTTPResponse.Status, _ value: JSONValue, headers: HTTPFields = [:]) -> Response {
        json(status, value.bytes, headers: headers)
    }

    static func json<Value: Encodable>(_ status: HTTPResponse.Status, encoding value: Value) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return json(status, Array(data))
    }

    static func text(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// Sets a header by its (lowercase) name; the emulators' usage headers have no predefined names.
    static func set(_ name: String, _ value: String, in fields: inout HTTPFields) {
        fields[.init(name)!] = value
    }

    /// 32 random lowercase hex characters, the shape of a marketplace's `request_id`.
    static func requestID() -> String {
        var generator = SystemRandomNumberGenerator()
        return Hex.encode((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}
