/// The person a request is served for, set by the sign-in middleware for the length of the request, so that a view
/// can put the session's CSRF token in its forms and a page can leave out what the role may not see, without every
/// page's signature carrying it.
public struct SignedInUser: Sendable, Equatable {
    public var name: String
    public var role: UserRole
    /// The session's CSRF token: every form that posts carries it as `csrf_token`.
    public var csrfToken: String

    public init(name: String, role: UserRole, csrfToken: String) {
        self.name = name
        self.role = role
        self.csrfToken = csrfToken
    }

    /// The request's user; `nil` outside a request (and in tests that render a view alone, which then show everything).
    @TaskLocal public static var current: SignedInUser?
}
