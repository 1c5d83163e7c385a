-- mart_ads_channel_performance
-- grain: one row per business date × ad platform × ad account with activity that day.
-- roas here is the platform's own: its reported conversion value / spend (both in THB).
-- daily_budget: the budgets of the account's campaigns in force that day (stg_ad_budget_days), NULL where the
-- platform reports none; budget_utilization = spend / daily_budget.
-- video_views and engagement stay NULL for a platform that does not report them (sum of NULLs is NULL).
-- The runner inserts the columns of the mart's declared table, by name, from this select.
-- parameters: :from, :to, :minor_per_major, :built_at.

with

accounts as (
    select
        date,
        platform,
        account_id,
        max(account_name) as account_name,
        sum(spend_thb_minor) as spend_minor,
        sum(impressions) as impressions,
        sum(clicks) as clicks,
        sum(conversions) as conversions,
        sum(conversion_value_thb_minor) as conversion_value_minor,
        sum(video_views) as video_views,
        sum(engagement) as engagement
    from stg_ads_performance
    where date between :from and :to
    group by date, platform, account_id
),

budgets as (
    select
        date,
        platform,
        account_id,
        sum(daily_budget_thb_minor) as daily_budget_minor
    from stg_ad_budget_days
    where date between :from and :to
    group by date, platform, account_id
),

final as (
    select
        accounts.date,
        accounts.platform,
        accounts.account_id,
        account_name,
        spend_minor / :minor_per_major as spend,
        spend_minor,
        impressions,
        clicks,
        conversions,
        conversion_value_minor / :minor_per_major as conversion_value,
        conversion_value_minor,
        cast(conversion_value_minor as double precision) / nullif(spend_minor, 0) as roas,
        cast(spend_minor as double precision) / :minor_per_major / nullif(conversions, 0) as cpa,
        cast(clicks as double precision) / nullif(impressions, 0) as ctr,
        cast(spend_minor as double precision) / :minor_per_major / nullif(clicks, 0) as cpc,
        cast(spend_minor as double precision) / :minor_per_major * 1000 / nullif(impressions, 0) as cpm,
        budgets.daily_budget_minor / :minor_per_major as daily_budget,
        budgets.daily_budget_minor,
        cast(spend_minor as double precision) / nullif(budgets.daily_budget_minor, 0) as budget_utilization,
        video_views,
        engagement,
        :built_at as _built_at
    from accounts
    left join budgets
        on budgets.date = accounts.date
        and budgets.platform = accounts.platform
        and budgets.account_id = accounts.account_id
)

select * from final
