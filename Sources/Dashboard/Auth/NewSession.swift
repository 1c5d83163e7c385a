/// A session just started: the cookie's token (shown once, stored only as a hash) and the user it signs in.
public struct NewSession: Sendable, Equatable {
    /// The `omnidash_session` cookie's value.
    public var token: String
    public var user: SignedInUser
}
