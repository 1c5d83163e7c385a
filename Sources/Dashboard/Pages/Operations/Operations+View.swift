import OmnidashCore

extension Operations {
    /// The page: the latest run of every stream, then freshness, provisional days, tokens, rejected records and the
    /// timetable's next runs, each a table or a sentence saying there is nothing to show.
    public static func view(_ model: Model, language: Language) -> HTMLNode {
        let route = SiteRoute.page(id, .html, model.filters)
        let title = language.text(title)
        return Layout.page(title: title, language: language, alternate: route,
                           navigation: Layout.navigation(current: route, filters: model.filters, language: language)) {
            HTMLNode.div(.class("page-header")) {
                HTMLNode.h1 { title }
                PageExport.links(id, model.filters, language: language)
            }
            HTMLNode.section(.class("card"), .id("sync-runs")) {
                if model.streams.isEmpty {
                    HTMLNode.h2 { language.text(.syncRuns) }
                    HTMLNode.p(.class("empty-note")) { language.markup(.noSyncRuns, ["command": .code { "omnidash sync" }]) }
                } else {
                    streamTable(model.streams, language).html
                    HTMLNode.p(.class("note")) { language.text(.syncRunsNote) }
                }
            }
            HTMLNode.section(.class("card"), .id("freshness")) {
                if model.freshness.isEmpty {
                    HTMLNode.h2 { language.text(.dataFreshness) }
                    HTMLNode.p(.class("empty-note")) { language.text(.noSourceSynced) }
                } else {
                    freshnessTable(model.freshness, language).html
                    HTMLNode.p(.class("note")) { language.text(.freshnessNote, ["time": Format.timestamp(model.asOf, in: language)]) }
                }
            }
            if !model.provisional.isEmpty {
                HTMLNode.section(.class("card"), .id("provisional")) {
                    provisionalTable(model.provisional, language).html
                    HTMLNode.p(.class("note")) { language.text(.provisionalDaysNote) }
                }
            }
            HTMLNode.section(.class("card"), .id("tokens")) {
                if model.tokens.isEmpty {
                    HTMLNode.h2 { language.text(.tokenExpiry) }
                    HTMLNode.p(.class("empty-note")) { language.text(.noStoredTokens) }
                } else {
                    tokenTable(model.tokens, language).html
                    HTMLNode.p(.class("note")) { language.text(.tokenExpiryNote) }
                }
            }
            HTMLNode.section(.class("card"), .id("rejects")) {
                if model.rejects.isEmpty {
                    HTMLNode.h2 { language.text(.rawRejects) }
                    HTMLNode.p(.class("empty-note")) { language.text(.noRawRejects) }
                } else {
                    rejectTable(model.rejects, language).html
                    HTMLNode.p(.class("note")) { language.text(.rawRejectsNote) }
                }
            }
            HTMLNode.section(.class("card"), .id("next-runs")) {
                if model.nextRuns.isEmpty {
                    HTMLNode.h2 { language.text(.nextRuns) }
                    HTMLNode.p(.class("empty-note")) { language.text(.noNextRuns) }
                } else {
                    nextRunTable(model.nextRuns, language).html
                }
                HTMLNode.p(.class("note")) { language.markup(.nextRunsNote, ["command": .code { "omnidash run" }]) }
            }
        }
    }

    private static func column(_ language: Language, _ key: TextKey, _ kind: DataTable.Kind = .text) -> DataTable.Column {
        DataTable.Column(language.text(key), kind: kind)
    }

    /// A source as a person knows it: the platform's name, or the stored id (`fx`) when it is not a platform.
    static func sourceName(_ source: String) -> String {
        SyncSource(rawValue: source)?.displayName ?? source
    }

    private static func streamTable(_ streams: [StreamRun], _ language: Language) -> DataTable {
        DataTable(
            caption: language.text(.syncRuns),
            columns: [column(language, .source), column(language, .account), column(language, .stream), column(language, .status),
                      column(language, .started), column(language, .records, .number), column(language, .rejected, .number),
                      column(language, .requests, .number), column(language, .retries, .number),
                      column(language, .duration, .number), column(language, .errorColumn)],
            rows: streams.map { run in
                [.text(sourceName(run.source)), .text(run.accountID), .text(run.stream),
                 DataTable.Cell(statusText(run.status, language), sortValue: run.status),
                 DataTable.Cell(Format.timestamp(run.startedAt, in: language), sortValue: run.startedAt),
                 .count(run.records), .count(run.rejects), .count(run.requests), .count(run.retries),
                 DataTable.Cell(durationText(run.durationSeconds, language), sortValue: run.durationSeconds.map(String.init)),
                 .text(run.error ?? "")]
            })
    }

    private static func freshnessTable(_ sources: [SourceFreshness], _ language: Language) -> DataTable {
        DataTable(
            caption: language.text(.dataFreshness),
            columns: [column(language, .source), column(language, .lastSuccessfulSync), column(language, .sinceLastSync, .number),
                      column(language, .status)],
            rows: sources.map { source in
                [.text(sourceName(source.source)),
                 DataTable.Cell(source.lastSuccessAt.map { Format.timestamp($0, in: language) } ?? language.text(.never),
                                sortValue: source.lastSuccessAt),
                 DataTable.Cell(durationText(source.ageSeconds, language), sortValue: source.ageSeconds.map(String.init)),
                 DataTable.Cell(source.lastStatus.map { statusText($0, language) } ?? Format.missing, sortValue: source.lastStatus)]
            })
    }

    private static func provisionalTable(_ windows: [ProvisionalWindow], _ language: Language) -> DataTable {
        DataTable(
            caption: language.text(.provisionalDays),
            columns: [column(language, .source), column(language, .restatementWindow, .number),
                      column(language, .provisionalFrom), column(language, .rangeTo)],
            rows: windows.map { window in
                [.text(sourceName(window.platform)),
                 DataTable.Cell(language.text(.dayCount, ["count": String(window.days)]), sortValue: String(window.days)),
                 .date(window.from, in: language), .date(window.to, in: language)]
            })
    }

    private static func tokenTable(_ tokens: [TokenExpiry], _ language: Language) -> DataTable {
        DataTable(
            caption: language.text(.tokenExpiry),
            columns: [column(language, .source), column(language, .account), column(language, .accessTokenExpires),
                      column(language, .expiresIn, .number), column(language, .authorizationExpires),
                      column(language, .tokenRefreshed)],
            rows: tokens.map { token in
                let left: String = switch token.secondsLeft {
                case let seconds? where seconds <= 0: language.text(.tokenExpired)
                case let seconds: durationText(seconds, language)
                }
                return [.text(sourceName(token.source)), .text(token.accountID),
                        DataTable.Cell(Format.timestamp(token.accessExpiresAt, in: language), sortValue: token.accessExpiresAt),
                        DataTable.Cell(left, sortValue: token.secondsLeft.map(String.init)),
                        DataTable.Cell(token.authorizationExpiresAt.map { Format.timestamp($0, in: language) }
                                           ?? language.text(.authorizationNotStated),
                                       sortValue: token.authorizationExpiresAt),
                        DataTable.Cell(Format.timestamp(token.updatedAt, in: language), sortValue: token.updatedAt)]
            })
    }

    private static func rejectTable(_ groups: [RejectGroup], _ language: Language) -> DataTable {
        DataTable(
            caption: language.text(.rawRejects),
            columns: [column(language, .source), column(language, .stream), column(language, .reason), column(language, .count, .number),
                      column(language, .lastRejected), column(language, .examples)],
            rows: groups.map { group in
                [.text(sourceName(group.source)), .text(group.stream), .text(group.reason), .count(group.count),
                 DataTable.Cell(Format.timestamp(group.lastRejectedAt, in: language), sortValue: group.lastRejectedAt),
                 .text(group.examples.joined(separator: ", "))]
            })
    }

    private static func nextRunTable(_ runs: [NextRun], _ language: Language) -> DataTable {
        DataTable(
            caption: language.text(.nextRuns),
            columns: [column(language, .scheduledAt), column(language, .job)],
            rows: runs.map { run in
                [DataTable.Cell(localTimeText(run, language), sortValue: run.at), .text(run.job)]
            })
    }

    /// `Wed 2 Dec 2026 07:00 Asia/Bangkok`: the wall-clock time the timetable is written in.
    static func localTimeText(_ run: NextRun, _ language: Language) -> String {
        guard let day = BusinessDate(String(run.localTime.prefix(10))) else { return run.localTime }
        return Format.dayWithWeekday(day, in: language) + " " + run.localTime.dropFirst(11).prefix(5) + " " + run.timeZone
    }

    /// `42 s`, `3 min 5 s`, `2 h 10 min`, `3 d 4 h`; "–" when unknown.
    static func durationText(_ seconds: Int64?, _ language: Language) -> String {
        guard let seconds, seconds >= 0 else { return Format.missing }
        switch seconds {
        case ..<60: return language.text(.durationSeconds, ["seconds": String(seconds)])
        case ..<3600: return language.text(.durationMinutes, ["minutes": String(seconds / 60), "seconds": String(seconds % 60)])
        case ..<86_400: return language.text(.durationHours, ["hours": String(seconds / 3600), "minutes": String(seconds / 60 % 60)])
        default: return language.text(.durationDays, ["days": String(seconds / 86_400), "hours": String(seconds / 3600 % 24)])
        }
    }

    /// A sync run's status (`sync_runs.status`) in words; one this version does not know is shown as stored.
    static func statusText(_ status: String, _ language: Language) -> String {
        switch status {
        case "running": language.text(.syncStatusRunning)
        case "succeeded": language.text(.syncStatusSucceeded)
        case "failed": language.text(.syncStatusFailed)
        case "interrupted": language.text(.syncStatusInterrupted)
        default: status
        }
    }
}
