/// A browser that found the brand's website on some day: its device and place, and every visit it will make (the
/// first on the day it arrived, returns within the next four weeks).
struct WebsiteVisitor: Sendable {
    let pseudoID: String
    /// When the first visit began, in Unix microseconds (`user_first_touch_timestamp`).
    let firstTouchMicros: Int64
    /// Keys this visitor's own random streams.
    let streamKey: Int64
    let device: WebsiteDevice
    let geo: WebsiteGeo
    let visits: [Visit]

    struct Visit: Sendable {
        /// Days after the first visit.
        let dayOffset: Int
        /// What the visit's landing carried; `nil` for a direct visit.
        let source: WebsiteTrafficSource?
        let landing: SandboxWebsite.Page
    }

    /// The session-scope campaign of visit `index`: its own, or the last earlier non-direct one (every return falls
    /// within GA4's 30-day look-back), or direct.
    func attributed(_ index: Int) -> WebsiteTrafficSource {
        for visit in visits[...index].reversed() {
            if let source = visit.source { return source }
        }
        return .direct
    }
}
