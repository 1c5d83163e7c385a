import Hummingbird
import OmnidashCore

/// The `omnidash_session` cookie: HttpOnly (no script reads it), SameSite=Lax (another site's form posts go without
/// it), Path=/, and Secure when the dashboard's public URL is https, so it never travels in clear behind a TLS proxy.
enum SessionCookie {
    static let name = "omnidash_session"

    static func make(token: String, settings: OmnidashConfiguration.DashboardSettings) -> Cookie {
        Cookie(name: name, value: token, path: "/", secure: isSecure(settings), httpOnly: true, sameSite: .lax)
    }

    /// The cookie emptied and expired, which makes a browser forget it.
    static func cleared(settings: OmnidashConfiguration.DashboardSettings) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: isSecure(settings), httpOnly: true, sameSite: .lax)
    }

    static func isSecure(_ settings: OmnidashConfiguration.DashboardSettings) -> Bool {
        settings.publicURL?.lowercased().hasPrefix("https://") ?? false
    }
}
