-- mart_website_audience
-- grain: one row per business date, dimension (device, country, channel) and value.
-- source: per date, the export's staging when it has the date, else the Data API's. Users are distinct within the row.
-- parameters: :from, :to, :built_at.

with

preferred as (
    select date, max(data_source) as data_source
    from stg_ga4_audience
    where date between :from and :to
    group by date
),

final as (
    select
        audience.date,
        audience.data_source,
        audience.dimension,
        audience.value,
        audience.sessions,
        audience.users,
        audience.new_users,
        audience.engaged_sessions,
        cast(audience.engaged_sessions as double precision) / nullif(audience.sessions, 0) as engagement_rate,
        audience.transactions,
        coalesce(audience.revenue_thb_minor, 0) as revenue_minor,
        cast(audience.transactions as double precision) / nullif(audience.sessions, 0) as conversion_rate,
        :built_at as _built_at
    from stg_ga4_audience as audience
    inner join preferred on preferred.date = audience.date and preferred.data_source = audience.data_source
    where audience.dimension <> 'total'
)

select * from final
