-- mart_utm_governance
-- grain: one row per finding over the whole synced history, rebuilt whole on every transform:
--   campaign_without_utm: a campaign that spent and whose ads land on a web page that carries neither utm_campaign
--                         nor utm_id, so GA4 cannot credit its visits to it (subject: platform:campaign id);
--   utm_without_campaign: a GA4 source / medium / campaign in a paid channel group (Paid *, Display, Cross-network)
--                         that matches no ad campaign by id or normalised name, as mart_cross_channel_attribution
--                         matches (subject: source / medium / campaign). Newsletters, LINE broadcasts and affiliates
--                         carry campaigns too, but they are not ads, so they are not findings.
-- parameters: :to, :minor_per_major, :built_at.

with

spend as (
    select platform, account_id, campaign_id, max(campaign_name) as campaign_name, min(date) as first_date, max(date) as last_date,
           sum(spend_thb_minor) as spend_minor
    from stg_ads_performance
    where date <= :to
    group by platform, account_id, campaign_id
    having sum(spend_thb_minor) > 0
),

landing as (
    select
        platform,
        account_id,
        campaign_id,
        max(case when landing_url is not null then 1 else 0 end) as lands,
        max(case when utm_campaign is not null or utm_id is not null then 1 else 0 end) as tagged,
        max(utm_source) as utm_source,
        max(utm_campaign) as utm_campaign,
        max(utm_id) as utm_id
    from stg_ad_entities
    group by platform, account_id, campaign_id
),

untagged as (
    select
        'campaign_without_utm' as issue,
        spend.platform || ':' || spend.campaign_id as subject,
        spend.platform as ads_platform,
        spend.account_id,
        spend.campaign_id,
        spend.campaign_name,
        cast(null as text) as utm_source,
        cast(null as text) as utm_medium,
        cast(null as text) as utm_campaign,
        spend.first_date,
        spend.last_date,
        cast(null as bigint) as sessions,
        spend.spend_minor as ad_spend_minor
    from spend
    inner join landing on landing.platform = spend.platform and landing.account_id = spend.account_id and landing.campaign_id = spend.campaign_id
    where landing.lands = 1 and landing.tagged = 0
),

campaigns as (
    select
        spend.platform,
        spend.campaign_id,
        landing.utm_source,
        landing.utm_id,
        replace(replace(replace(lower(coalesce(landing.utm_campaign, spend.campaign_name)), '+', 'plus'), ' ', '_'), '-', '_') as match_name
    from spend
    left join landing on landing.platform = spend.platform and landing.account_id = spend.account_id and landing.campaign_id = spend.campaign_id
),

preferred as (
    select date, max(data_source) as data_source
    from stg_ga4_traffic
    where date <= :to
    group by date
),

named as (
    select traffic.date, traffic.source, traffic.medium, traffic.campaign, traffic.campaign_id, coalesce(traffic.sessions, 0) as sessions,
           replace(replace(replace(lower(traffic.campaign), '+', 'plus'), ' ', '_'), '-', '_') as match_name
    from stg_ga4_traffic as traffic
    inner join preferred on preferred.date = traffic.date and preferred.data_source = traffic.data_source
    where (traffic.channel_grouping like 'Paid%' or traffic.channel_grouping in ('Display', 'Cross-network'))
      and traffic.campaign not in ('(direct)', '(organic)', '(referral)', '(not set)', '')
),

unmatched as (
    select
        'utm_without_campaign' as issue,
        named.source || ' / ' || named.medium || ' / ' || named.campaign as subject,
        cast(null as text) as ads_platform,
        cast(null as text) as account_id,
        cast(null as text) as campaign_id,
        cast(null as text) as campaign_name,
        named.source as utm_source,
        named.medium as utm_medium,
        named.campaign as utm_campaign,
        min(named.date) as first_date,
        max(named.date) as last_date,
        sum(named.sessions) as sessions,
        cast(null as bigint) as ad_spend_minor
    from named
    where not exists (
        select 1 from campaigns
        where (named.campaign_id is not null and (named.campaign_id = campaigns.utm_id or named.campaign_id = campaigns.campaign_id))
           or (named.match_name = campaigns.match_name and (campaigns.utm_source is null or lower(named.source) = lower(campaigns.utm_source)))
    )
    group by named.source, named.medium, named.campaign
),

final as (
    select *, :built_at as _built_at from untagged
    union all
    select *, :built_at as _built_at from unmatched
)

select * from final
