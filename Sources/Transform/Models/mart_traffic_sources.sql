-- mart_traffic_sources
-- grain: one row per business date, default channel group, source, medium and campaign with GA4 sessions.
-- source: per date, the export's staging when it has the date, else the Data API's (as mart_website_analytics).
-- users: distinct within the row as staged (GA4 counts a person once per row, so rows do not add up to the day's users).
-- shares: of the date's sessions and revenue. Ratios are NULL over zero.
-- parameters: :from, :to, :minor_per_major, :built_at.

with

preferred as (
    select date, max(data_source) as data_source
    from stg_ga4_traffic
    where date between :from and :to
    group by date
),

traffic as (
    select
        traffic.date,
        traffic.data_source,
        coalesce(traffic.channel_grouping, 'Unassigned') as channel_grouping,
        traffic.source,
        traffic.medium,
        traffic.campaign,
        traffic.campaign_id,
        coalesce(traffic.sessions, 0) as sessions,
        traffic.engaged_sessions,
        traffic.users,
        traffic.new_users,
        traffic.pageviews,
        traffic.session_duration_seconds,
        coalesce(traffic.transactions, 0) as transactions,
        coalesce(traffic.revenue_thb_minor, 0) as revenue_minor
    from stg_ga4_traffic as traffic
    inner join preferred on preferred.date = traffic.date and preferred.data_source = traffic.data_source
),

final as (
    select
        date,
        data_source,
        channel_grouping,
        source,
        medium,
        campaign,
        campaign_id,
        sessions,
        engaged_sessions,
        users,
        new_users,
        pageviews,
        1 - cast(engaged_sessions as double precision) / nullif(sessions, 0) as bounce_rate,
        cast(pageviews as double precision) / nullif(sessions, 0) as pages_per_session,
        cast(session_duration_seconds as double precision) / nullif(sessions, 0) as avg_session_duration,
        transactions,
        revenue_minor / :minor_per_major as revenue,
        revenue_minor,
        cast(transactions as double precision) / nullif(sessions, 0) as conversion_rate,
        cast(sessions as double precision) / nullif(sum(sessions) over (partition by date), 0) as sessions_share,
        cast(revenue_minor as double precision) / nullif(sum(revenue_minor) over (partition by date), 0) as revenue_share,
        :built_at as _built_at
    from traffic
)

select * from final
