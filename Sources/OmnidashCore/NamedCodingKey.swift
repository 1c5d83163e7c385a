/// A coding key made from a name at run time: a section whose keys are a list of names (sources, alert rules,
/// scheduled jobs) is still decoded key by key, so a misspelt name is reported like any other unknown key.
struct NamedCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
