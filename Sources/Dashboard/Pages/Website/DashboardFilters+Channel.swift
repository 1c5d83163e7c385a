extension DashboardFilters {
    /// These filters narrowed to one default channel group, the dates kept: a channel's link on the Website page.
    func narrowed(toChannel channel: String?) -> DashboardFilters {
        DashboardFilters(preset: preset, range: range, channel: channel)
    }
}
