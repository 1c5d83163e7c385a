import Foundation

/// What a sign-in attempt came to. A wrong password and an unknown name are the same `.refused`.
public enum SignInOutcome: Sendable, Equatable {
    case signedIn(NewSession)
    case refused
    /// Too many failures for this name or address: no password is checked until `until`.
    case throttled(until: Date)
}
