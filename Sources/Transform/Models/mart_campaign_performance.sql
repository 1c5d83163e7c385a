-- mart_campaign_performance
-- grain: one row per business date × ad platform × ad account × campaign with activity that day.
-- performance_status against the configured targets (omnidash.yaml `targets`): 'poor' below the ROAS floor or
-- above the CPA ceiling; 'good' at or above the ROAS target and, when a CPA target is set, at or below it;
-- 'warning' between; NULL without spend. A CPA limit of 0 means none is set.
-- daily_budget: the campaign's budget in force that day (stg_ad_budget_days); budget_utilization = spend / budget.
-- campaign_type: the type the delivery rows carry, else the campaign entity's objective.
-- is_active: the campaign spent that day.
-- The runner inserts the columns of the mart's declared table, by name, from this select.
-- parameters: :from, :to, :minor_per_major, :built_at, :roas_target, :roas_floor, :cpa_target, :cpa_ceiling.

with

campaigns as (
    select
        date,
        platform,
        account_id,
        coalesce(campaign_id, '') as campaign_id,
        max(account_name) as account_name,
        max(campaign_name) as campaign_name,
        max(campaign_type) as campaign_type,
        sum(spend_thb_minor) as spend_minor,
        sum(impressions) as impressions,
        sum(clicks) as clicks,
        sum(conversions) as conversions,
        sum(conversion_value_thb_minor) as conversion_value_minor,
        sum(video_views) as video_views,
        sum(engagement) as engagement
    from stg_ads_performance
    where date between :from and :to
    group by date, platform, account_id, coalesce(campaign_id, '')
),

budgets as (
    select
        date,
        platform,
        account_id,
        campaign_id,
        daily_budget,
        daily_budget_thb_minor
    from stg_ad_budget_days
    where date between :from and :to
),

objectives as (
    select
        platform,
        account_id,
        entity_id as campaign_id,
        objective
    from stg_ad_entities
    where level = 'campaign'
),

metrics as (
    select
        campaigns.date,
        campaigns.platform,
        campaigns.account_id,
        campaigns.campaign_id,
        campaigns.account_name,
        campaigns.campaign_name,
        coalesce(campaigns.campaign_type, objectives.objective) as campaign_type,
        campaigns.spend_minor,
        campaigns.impressions,
        campaigns.clicks,
        campaigns.conversions,
        campaigns.conversion_value_minor,
        campaigns.video_views,
        campaigns.engagement,
        budgets.daily_budget_thb_minor as daily_budget_minor,
        cast(conversion_value_minor as double precision) / nullif(spend_minor, 0) as roas,
        cast(spend_minor as double precision) / :minor_per_major / nullif(conversions, 0) as cpa
    from campaigns
    left join budgets
        on budgets.date = campaigns.date
        and budgets.platform = campaigns.platform
        and budgets.account_id = campaigns.account_id
        and budgets.campaign_id = campaigns.campaign_id
    left join objectives
        on objectives.platform = campaigns.platform
        and objectives.account_id = campaigns.account_id
        and objectives.campaign_id = campaigns.campaign_id
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
        cpa,
        cast(clicks as double precision) / nullif(impressions, 0) as ctr,
        case when spend_minor > 0 then 1 else 0 end as is_active,
        case
            when spend_minor = 0 then null
            when roas < :roas_floor or (:cpa_ceiling > 0 and cpa > :cpa_ceiling) then 'poor'
            when roas >= :roas_target and (:cpa_target <= 0 or cpa is null or cpa <= :cpa_target) then 'good'
            else 'warning'
        end as performance_status,
        account_name,
        cast(spend_minor as double precision) / :minor_per_major / nullif(clicks, 0) as cpc,
        cast(spend_minor as double precision) / :minor_per_major * 1000 / nullif(impressions, 0) as cpm,
        daily_budget_minor / :minor_per_major as daily_budget,
        daily_budget_minor,
        cast(spend_minor as double precision) / nullif(daily_budget_minor, 0) as budget_utilization,
        video_views,
        engagement,
        :built_at as _built_at
    from metrics
)

select * from final
