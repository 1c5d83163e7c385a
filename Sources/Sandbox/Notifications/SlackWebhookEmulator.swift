import Foundation
import Hummingbird

/// A Slack incoming webhook, `POST /services/T…/B…/…`, from Slack's documentation: JSON with `text` or `blocks`
/// answers 200 `ok`; a body that is not JSON `invalid_payload`, one without text or blocks `no_text` (both 400); a
/// hook that does not exist 404 `no_service`. Errors are plain words, as Slack's are.
struct SlackWebhookEmulator: Sendable {
    static let pathPrefix = "/services/"

    let secrets: NotificationSecrets
    let outbox: NotificationOutbox

    func respond(to request: EmulatorRequest) -> Response {
        guard request.path == Self.pathPrefix + secrets.slackHook else { return HTTPReply.text(.notFound, "no_service") }
        guard request.method == .post else { return HTTPReply.text(.methodNotAllowed, "invalid_method") }
        if let failure = outbox.takeFailure(.slack) {
            return HTTPReply.text(HTTPResponse.Status(code: failure), failure == 429 ? "rate_limited" : "service_unavailable")
        }
        guard let payload = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any] else {
            return HTTPReply.text(.badRequest, "invalid_payload")
        }
        let text = payload["text"] as? String
        let blocks = payload["blocks"] as? [Any]
        if payload["blocks"] != nil, blocks == nil { return HTTPReply.text(.badRequest, "invalid_blocks") }
        guard !(text ?? "").isEmpty || !(blocks ?? []).isEmpty else { return HTTPReply.text(.badRequest, "no_text") }
        outbox.record(NotificationOutbox.SlackPost(time: outbox.clock(), hook: request.path, text: text,
                                                   blockCount: blocks?.count ?? 0))
        return HTTPReply.text(.ok, "ok")
    }
}
