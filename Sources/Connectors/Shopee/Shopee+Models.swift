import Foundation

extension Shopee {
    /// The v2 envelope: `error` is `""` on success; data is under `response`.
    struct Envelope<Response: Decodable>: Decodable {
        let requestID: String?
        let error: String?
        let message: String?
        let response: Response?

        enum CodingKeys: String, CodingKey {
            case requestID = "request_id", error, message, response
        }
    }

    /// Just the error fields, for classifying any response.
    struct ErrorFields: Decodable {
        let error: String?
        let message: String?
    }

    struct OrderListPage: Decodable {
        struct Entry: Decodable {
            let orderSN: String
            enum CodingKeys: String, CodingKey { case orderSN = "order_sn" }
        }

        let more: Bool
        let nextCursor: String
        let orderList: [Entry]

        enum CodingKeys: String, CodingKey {
            case more, nextCursor = "next_cursor", orderList = "order_list"
        }
    }

    struct ItemListPage: Decodable {
        struct Entry: Decodable {
            let itemID: Int64
            enum CodingKeys: String, CodingKey { case itemID = "item_id" }
        }

        let item: [Entry]?
        let hasNextPage: Bool
        let nextOffset: Int?

        enum CodingKeys: String, CodingKey {
            case item, hasNextPage = "has_next_page", nextOffset = "next_offset"
        }
    }

    /// `auth/access_token/get` answers at the top level, without `response`.
    struct TokenResponse: Decodable {
        let error: String?
        let message: String?
        let accessToken: String?
        let refreshToken: String?
        let expireIn: Int64?

        enum CodingKeys: String, CodingKey {
            case error, message, accessToken = "access_token", refreshToken = "refresh_token", expireIn = "expire_in"
        }
    }
}
