/// One row of the channel rule table: the channel a session gets when the predicate holds.
public struct ChannelRule: Sendable {
    public let channel: String
    public let predicate: ChannelPredicate

    public init(_ channel: String, _ predicate: ChannelPredicate) {
        self.channel = channel
        self.predicate = predicate
    }
}
