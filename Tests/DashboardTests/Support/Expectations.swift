import Testing

/// Expects `needle` in `markup`, reporting only the missing piece (a page is too long to print).
func expectContains(_ markup: String, _ needle: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if !markup.contains(needle) {
        Issue.record("markup lacks: \(needle)", sourceLocation: sourceLocation)
    }
}

/// Expects no `needle` in `markup`, reporting where it first appears.
func expectLacks(_ markup: String, _ needle: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if let found = markup.range(of: needle) {
        let context = markup[found.lowerBound...].prefix(120)
        Issue.record("markup has \(needle) at: \(context)", sourceLocation: sourceLocation)
    }
}
