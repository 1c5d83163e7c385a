import Crypto
import Foundation

extension LineAds {
    /// The JWS every LINE Ads request carries (ads-apis.md §7.1): `base64url(header) . base64url(payload) .
    /// base64url(HMAC-SHA256(secret, signing input))`, where the payload is the body's SHA-256 hex digest, its content
    /// type (empty without a body), the UTC date `YYYYMMDD` and the path, one per line.
    ///
    /// A second implementation on purpose (DESIGN §5): the Sandbox verifies with its own code; the two agree only
    /// through the documented rule, and the reference's worked vectors are tests of both.
    public enum Signing {
        /// The JOSE header as Omnidash sends it (compact; LINE signs the text as sent, spacing included).
        public static func headerJSON(accessKey: String) -> String {
            #"{"alg":"HS256","kid":"\#(accessKey)","typ":"text/plain"}"#
        }

        /// `sha256hex(body)\ncontent-type\nYYYYMMDD\n/path`; the path has no scheme, host or query.
        public static func payload(body: Data, contentType: String, utcDate: String, path: String) -> String {
            let digest = SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
            return [digest, contentType, utcDate, path].joined(separator: "\n")
        }

        /// The token for `Authorization: Bearer`. `padded` keeps base64url's `=` padding, as the official sample does.
        public static func token(headerJSON: String, payload: String, secretKey: String, padded: Bool = true) -> String {
            let signingInput = base64URL(Data(headerJSON.utf8), padded: padded) + "." + base64URL(Data(payload.utf8), padded: padded)
            let signature = HMAC<SHA256>.authenticationCode(for: Data(signingInput.utf8), using: SymmetricKey(data: Data(secretKey.utf8)))
            return signingInput + "." + base64URL(Data(signature), padded: padded)
        }

        /// The two headers of a signed request: `Authorization` and `Date`, for `now`.
        public static func headers(accessKey: String, secretKey: String, body: Data?, contentType: String?, path: String,
                                   now: Date) -> [String: String] {
            let payload = payload(body: body ?? Data(), contentType: body == nil ? "" : (contentType ?? ""),
                                  utcDate: compactUTCDate(now), path: path)
            return ["Authorization": "Bearer " + token(headerJSON: headerJSON(accessKey: accessKey), payload: payload, secretKey: secretKey),
                    "Date": httpDate(now)]
        }

        public static func base64URL(_ data: Data, padded: Bool) -> String {
            var text = data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            if !padded { while text.hasSuffix("=") { text.removeLast() } }
            return text
        }

        /// RFC 7231 IMF-fixdate: `Wed, 22 Dec 2021 00:00:00 GMT`.
        public static func httpDate(_ date: Date) -> String {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            return formatter.string(from: date)
        }

        /// `20211222`, the UTC day of `date`.
        public static func compactUTCDate(_ date: Date) -> String {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            return String(format: "%04d%02d%02d", parts.year!, parts.month!, parts.day!)
        }
    }
}
