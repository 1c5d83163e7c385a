-- mart_campaign_performance
-- grain: one row per business date × ad platform × ad account × campaign with activity that day.
-- performance_status: 'good' at ROAS ≥ 3, 'warning' from 2 to 3, 'poor' below 2 (the seed's alert line),
-- NULL without spend. is_active: the campaign spent that day.
-- The runner inserts the columns of the mart's declared table, by name, from this select.
-- parameters: :from, :to, :minor_per_major, :built_at.

with

campaigns as (
    select
        date,
        platform,
        account_id,
        coalesce(campaign_id, '') as campaign_id,
        max(campaign_name) as campaign_name,
        max(campaign_type) as campaign_type,
        sum(spend_thb_minor) as spend_minor,
        sum(impressions) as impressions,
        sum(clicks) as clicks,
        sum(conversions) as conversions,
        sum(conversion_value_thb_minor) as conversion_value_minor
    from stg_ads_performance
    where date between :from and :to
    group by date, platform, account_id, coalesce(campaign_id, '')
),

metrics as (
    select
        campaigns.*,
        cast(conversion_value_minor as double precision) / nullif(spend_minor, 0) as roas
    from campaigns
),

final as (
    select
        date,
        platform,
        account_id,
        campaign_id,
        campaign_name,
        campaign_type,
        spend_minor / :minor_per_major as spend,
        spend_minor,
        impressions,
        clicks,
        conversions,
        conversion_value_minor / :minor_per_major as conversion_value,
        conversion_value_minor,
        roas,
        cast(spend_minor as double precision) / :minor_per_major / nullif(conversions, 0) as cpa,
        cast(clicks as double precision) / nullif(impressions, 0) as ctr,
        case when spend_minor > 0 then 1 else 0 end as is_active,
        case
            when roas is null then null
            when roas >= 3 then 'good'
            when roas >= 2 then 'warning'
            else 'poor'
        end as performance_status,
        :built_at as _built_at
    from metrics
)

select * from final
