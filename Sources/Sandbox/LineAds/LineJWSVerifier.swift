import Crypto
import Foundation

/// Checks a LINE Ads request's JWS (ads-apis.md §7.1): the JOSE header `{"alg":"HS256","kid":<access key>,
/// "typ":"text/plain"}`, the payload `sha256hex(body)\ncontent-type\nYYYYMMDD\n/path`, and the HMAC-SHA256 of
/// `header.payload` with the secret key, as `Authorization: Bearer header.payload.signature` beside a `Date` header.
///
/// A second implementation on purpose (DESIGN §5): the connector signs with its own code, and the two agree only
/// through the documented rule. Segments are accepted with or without `=` padding (the official sample pads; some
/// working clients do not, and whether LINE accepts both is unverified), since the HMAC covers the text as sent.
struct LineJWSVerifier: Sendable {
    let accessKey: String
    let secretKey: String
    /// How far the `Date` header may be from the server's clock. LINE's allowance is unverified; 15 minutes is the
    /// usual window of date-signed APIs.
    static let allowedSkew: TimeInterval = 15 * 60

    /// The request as the verifier needs it.
    struct Request {
        var authorization: String?
        var date: String?
        var contentType: String?
        var path: String
        var body: [UInt8]
    }

    /// Throws the 401 LINE answers for a request whose signature does not hold.
    func verify(_ request: Request, now: Date) throws(LineAdsError) {
        guard let authorization = request.authorization, authorization.hasPrefix("Bearer ") else {
            throw .unauthorized("Authorization header with a Bearer JWS is required.")
        }
        let segments = authorization.dropFirst("Bearer ".count).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard segments.count == 3, let headerBytes = Self.base64URLDecode(segments[0]),
              let payloadBytes = Self.base64URLDecode(segments[1]), let signature = Self.base64URLDecode(segments[2]) else {
            throw .unauthorized("The JWS is not three base64url segments.")
        }
        guard let header = try? JSONSerialization.jsonObject(with: Data(headerBytes)) as? [String: Any] else {
            throw .unauthorized("The JWS header is not a JSON object.")
        }
        guard header["alg"] as? String == "HS256" else { throw .unauthorized("The JWS alg must be HS256.") }
        guard header["typ"] as? String == "text/plain" else { throw .unauthorized("The JWS typ must be text/plain.") }
        guard header["kid"] as? String == accessKey else { throw .unauthorized("Unknown access key.") }
        let signingInput = Data((segments[0] + "." + segments[1]).utf8)
        let expected = HMAC<SHA256>.authenticationCode(for: signingInput, using: SymmetricKey(data: Data(secretKey.utf8)))
        guard Data(expected) == Data(signature) else { throw .unauthorized("Invalid signature.") }

        let lines = String(decoding: payloadBytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count == 4 else { throw .unauthorized("The JWS payload must be four lines.") }
        let digest = Hex.encode(SHA256.hash(data: Data(request.body)))
        guard lines[0] == digest else { throw .unauthorized("The payload digest does not match the request body.") }
        let contentType = request.body.isEmpty ? "" : (request.contentType ?? "")
        guard lines[1] == contentType else { throw .unauthorized("The payload content type does not match the request.") }
        guard lines[3] == request.path else { throw .unauthorized("The payload path does not match the request path.") }
        guard let dateText = request.date, let date = Self.httpDate(dateText) else {
            throw .unauthorized("A Date header (RFC 7231) is required.")
        }
        guard lines[2] == Self.compactUTCDate(date) else { throw .unauthorized("The payload date does not match the Date header.") }
        guard abs(date.timeIntervalSince(now)) <= Self.allowedSkew else {
            throw .unauthorized("The Date header is out of the allowed range.")
        }
    }

    /// base64url, padded or not; `nil` for any other character.
    static func base64URLDecode(_ text: String) -> [UInt8]? {
        var unpadded = Substring(text)
        while unpadded.hasSuffix("=") { unpadded = unpadded.dropLast() }
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        guard unpadded.allSatisfy({ alphabet.contains($0) }), unpadded.count % 4 != 1 else { return nil }
        var standard = unpadded.map { $0 == "-" ? "+" : $0 == "_" ? "/" : String($0) }.joined()
        standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
        return Data(base64Encoded: standard).map(Array.init)
    }

    /// `Wed, 22 Dec 2021 00:00:00 GMT`.
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.date(from: text)
    }

    /// `20211222`: the UTC day.
    static func compactUTCDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d%02d%02d", parts.year!, parts.month!, parts.day!)
    }
}
