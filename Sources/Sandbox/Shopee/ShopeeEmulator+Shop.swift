import Hummingbird

/// `v2.shop.get_shop_info` (fields at the top level, no `response` object) and `v2.shop.get_profile`, for the shop
/// the call is signed for.
extension ShopeeEmulator {
    func getShopInfo(_ call: ShopCall) throws -> Response {
        // The official shop authorised the app 190 days before "now", the brand's other shops later (64 days); an
        // authorisation lasts a year.
        let days: Int64 = call.shop == shopeeShops.first ? 190 : 64
        let authTime = world.nowUnix - days * 86_400
        return HTTPReply.json(.ok, .object([
            ("error", ""),
            ("message", ""),
            ("request_id", .string(HTTPReply.requestID())),
            ("auth_time", .int(authTime)),
            ("expire_time", .int(authTime + 365 * 86_400)),
            ("shop_name", .string(call.shop.name)),
            ("region", .string(call.shop.region)),
            ("status", "NORMAL"),
            ("shop_fulfillment_flag", "Others"),
            ("is_cb", false),
            ("is_upgraded_cbsc", false),
            ("merchant_id", .null),
            ("is_sip", false),
            ("sip_affi_shops", .array([])),
            ("is_main_shop", false),
            ("is_direct_shop", false),
            ("linked_direct_shop_list", .array([])),
            ("linked_main_shop_id", 0),
        ]))
    }

    func getProfile(_ call: ShopCall) throws -> Response {
        envelope { writer in
            writer.beginObject()
            writer.field("shop_logo", call.shop.logoURL)
            writer.field("description", call.shop.description)
            writer.field("shop_name", call.shop.name)
            writer.endObject()
        }
    }
}
