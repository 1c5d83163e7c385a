import Foundation

/// TikTok's `page_token`: opaque to clients. Here it is base64 of the offset of the next page and a fingerprint of
/// the query it belongs to, so a token is refused when replayed against another query.
enum TikTokShopPageToken {
    static func make(offset: Int, query: String) -> String {
        Data("o=\(offset)&q=\(fingerprint(query))".utf8).base64EncodedString()
    }

    /// The offset a token names; 0 for no token.
    static func offset(_ token: String?, query: String) throws -> Int {
        guard let token, !token.isEmpty else { return 0 }
        guard let data = Data(base64Encoded: token) else { throw invalid }
        let parts = String(decoding: data, as: UTF8.self).split(separator: "&")
        guard parts.count == 2, parts[0].hasPrefix("o="), let offset = Int(parts[0].dropFirst(2)), offset >= 0,
              parts[1] == "q=\(fingerprint(query))" else { throw invalid }
        return offset
    }

    private static let invalid = TikTokShopError.invalidParameter("`page_token` is invalid or does not belong to this query.")

    /// FNV-1a of the query's description, in hex: stable across runs.
    private static func fingerprint(_ query: String) -> String {
        let value = query.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
        return String(value, radix: 16)
    }
}
