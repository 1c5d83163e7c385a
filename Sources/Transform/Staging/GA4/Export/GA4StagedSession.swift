/// A rebuilt session with the source GA4's session rule gives it and that source's default channel group.
struct GA4StagedSession: Sendable {
    let session: GA4ExportSession
    let source: GA4SessionSource
    let channel: String
}
