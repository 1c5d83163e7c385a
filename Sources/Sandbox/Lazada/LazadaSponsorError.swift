import Hummingbird

/// A Sponsored Solutions refusal. These APIs answer through the gateway with `code` `"0"` and report their own
/// failure in `success` `"false"`, `errorCode` and `errorMsg` (ecommerce-apis.md §2.4; the report samples carry
/// `errorKey` and `errorCode` inside `result`). The fields are written at both levels, as the samples place them
/// at either. The codes are UNVERIFIED: the documentation's error tables are empty ("No Data"); the message
/// follows its samples ("Invalid param.").
struct LazadaSponsorError: Error {
    let code: String
    let message: String

    static func invalidParameter(_ detail: String) -> LazadaSponsorError {
        LazadaSponsorError(code: "INVALID_PARAM", message: "Invalid param. \(detail)")
    }

    var response: Response {
        var writer = JSONWriter(reservingCapacity: 512)
        writer.beginObject()
        writer.key("result")
        writer.beginObject()
        writer.key("result")
        writer.beginArray()
        writer.endArray()
        writer.field("errorKey", code)
        writer.field("success", "false")
        writer.field("analyseTraceId", HTTPReply.requestID())
        writer.field("errorCode", code)
        writer.field("totalCount", "0")
        writer.field("errorMsg", message)
        writer.endObject()
        writer.field("code", "0")
        writer.field("success", "false")
        writer.field("errorCode", code)
        writer.field("errorMsg", message)
        writer.field("request_id", HTTPReply.requestID())
        writer.endObject()
        return HTTPReply.json(.ok, writer.bytes)
    }
}
