import ArgumentParser
import OmnidashCore

extension BusinessDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public var defaultValueDescription: String { description }
}
