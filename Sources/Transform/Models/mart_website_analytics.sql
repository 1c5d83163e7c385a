-- mart_website_analytics
-- grain: one row per business date that has GA4 data, from :from to :to.
-- source: per date, the BigQuery export's staging (data_source 'export': exact distinct users) when it has the date,
--         else the Data API's. Users are the day's distinct users as GA4 counts them (stg_ga4_audience 'total'); a
--         date staged only from the daily traffic report (an Airbyte import) sums that report's rows instead.
-- ratios are recomputed from sums and are NULL over zero; bounce rate is 1 − engagement rate, as GA4 defines it.
-- comparisons: sessions against the previous day and the same weekday last week, revenue against the previous day.
-- parameters: :from, :to, :lookback_from, :minor_per_major, :built_at.

with

calendar as (
    select date, prev_day, same_day_last_week
    from dim_date
    where date between :lookback_from and :to
),

candidates as (
    select date, data_source from stg_ga4_audience where dimension = 'total' and date between :lookback_from and :to
    union
    select date, data_source from stg_ga4_traffic where date between :lookback_from and :to
),

preferred as (
    select date, max(data_source) as data_source  -- 'export' sorts after 'data_api'
    from candidates
    group by date
),

audience_totals as (
    select
        audience.date,
        audience.data_source,
        audience.sessions,
        audience.users,
        audience.new_users,
        audience.pageviews,
        audience.session_duration_seconds,
        audience.engaged_sessions,
        audience.transactions,
        audience.revenue_thb_minor
    from stg_ga4_audience as audience
    inner join preferred on preferred.date = audience.date and preferred.data_source = audience.data_source
    where audience.dimension = 'total'
),

traffic_totals as (
    select
        traffic.date,
        traffic.data_source,
        sum(traffic.sessions) as sessions,
        sum(traffic.users) as users,
        sum(traffic.new_users) as new_users,
        sum(traffic.pageviews) as pageviews,
        sum(traffic.session_duration_seconds) as session_duration_seconds,
        sum(traffic.engaged_sessions) as engaged_sessions,
        sum(traffic.transactions) as transactions,
        sum(traffic.revenue_thb_minor) as revenue_thb_minor
    from stg_ga4_traffic as traffic
    inner join preferred on preferred.date = traffic.date and preferred.data_source = traffic.data_source
    where not exists (select 1 from audience_totals where audience_totals.date = traffic.date)
    group by traffic.date, traffic.data_source
),

totals as (
    select * from audience_totals
    union all
    select * from traffic_totals
),

daily as (
    select
        calendar.date,
        calendar.prev_day,
        calendar.same_day_last_week,
        totals.data_source,
        totals.sessions,
        totals.users,
        totals.new_users,
        totals.pageviews,
        totals.session_duration_seconds,
        totals.engaged_sessions,
        totals.transactions,
        coalesce(totals.revenue_thb_minor, 0) as revenue_minor
    from calendar
    inner join totals on totals.date = calendar.date
),

compared as (
    select
        today.*,
        (cast(today.sessions as double precision) - yesterday.sessions) / nullif(yesterday.sessions, 0) as sessions_vs_yesterday,
        (cast(today.sessions as double precision) - last_week.sessions) / nullif(last_week.sessions, 0) as sessions_vs_last_week,
        (cast(today.revenue_minor as double precision) - yesterday.revenue_minor) / nullif(yesterday.revenue_minor, 0) as revenue_vs_yesterday
    from daily as today
    left join daily as yesterday on yesterday.date = today.prev_day
    left join daily as last_week on last_week.date = today.same_day_last_week
    where today.date between :from and :to
),

final as (
    select
        date,
        data_source,
        sessions,
        users,
        new_users,
        case when users > new_users then users - new_users else 0 end as returning_users,
        pageviews,
        cast(pageviews as double precision) / nullif(sessions, 0) as pages_per_session,
        cast(session_duration_seconds as double precision) / nullif(sessions, 0) as avg_session_duration,
        1 - cast(engaged_sessions as double precision) / nullif(sessions, 0) as bounce_rate,
        engaged_sessions,
        cast(engaged_sessions as double precision) / nullif(sessions, 0) as engagement_rate,
        transactions,
        revenue_minor / :minor_per_major as revenue,
        revenue_minor,
        cast(transactions as double precision) / nullif(sessions, 0) as conversion_rate,
        cast(revenue_minor as double precision) / :minor_per_major / nullif(transactions, 0) as avg_order_value,
        sessions_vs_yesterday,
        sessions_vs_last_week,
        revenue_vs_yesterday,
        :built_at as _built_at
    from compared
)

select * from final
