-- mart_cross_channel_attribution
-- grain: one row per business date, ad platform and campaign that spent or was credited with GA4 sessions.
-- ads: stg_ads_performance summed per campaign (spend in THB at each row's day rate; the platform's own conversions).
-- matching: a campaign's UTM comes from its ads' landing URLs (stg_ad_entities). A GA4 session row is credited to the
--           campaign whose utm_id or own id equals the row's campaign id; a row without such an id is matched on the
--           normalised name (lower case, '+' as 'plus', spaces and dashes as '_') of utm_campaign, or of the campaign
--           name when its ads carry no utm_campaign, from the same utm_source when the ads name one.
-- ga: sessions, users (summed over the campaign's rows), transactions and revenue from stg_ga4_traffic; ecom: the
--     marketplace orders whose order id is a GA4 purchase's transaction id in the campaign's sessions and whose status
--     counts as revenue, at their net amount. Source per date as in mart_website_analytics (export first).
-- ratios: ROAS and CPA on the platform's claim, GA4 and the marketplaces, NULL over zero.
-- parameters: :from, :to, :minor_per_major, :built_at.

with

ads as (
    select
        date,
        platform,
        account_id,
        campaign_id,
        max(campaign_name) as campaign_name,
        sum(spend_thb_minor) as spend_minor,
        sum(clicks) as clicks,
        sum(impressions) as impressions,
        sum(conversions) as conversions,
        sum(conversion_value_thb_minor) as conversion_value_minor
    from stg_ads_performance
    where date between :from and :to
    group by date, platform, account_id, campaign_id
),

tags as (
    select
        platform,
        account_id,
        campaign_id,
        max(utm_source) as utm_source,
        max(utm_medium) as utm_medium,
        max(utm_campaign) as utm_campaign,
        max(utm_id) as utm_id
    from stg_ad_entities
    where utm_campaign is not null or utm_id is not null
    group by platform, account_id, campaign_id
),

known as (
    -- Every campaign the warehouse knows, so sessions credited on a day it did not spend (a visitor returning) count.
    select platform, account_id, entity_id as campaign_id, name as campaign_name
    from stg_ad_entities
    where level = 'campaign'
    union
    select platform, account_id, campaign_id, campaign_name
    from ads
),

campaigns as (
    select
        known.platform,
        known.account_id,
        known.campaign_id,
        max(known.campaign_name) as campaign_name,
        max(tags.utm_source) as utm_source,
        max(tags.utm_medium) as utm_medium,
        max(tags.utm_campaign) as utm_campaign,
        max(tags.utm_id) as utm_id,
        replace(replace(replace(lower(coalesce(max(tags.utm_campaign), max(known.campaign_name))), '+', 'plus'), ' ', '_'), '-', '_') as match_name
    from known
    left join tags on tags.platform = known.platform and tags.account_id = known.account_id and tags.campaign_id = known.campaign_id
    group by known.platform, known.account_id, known.campaign_id
),

preferred as (
    select date, max(data_source) as data_source
    from stg_ga4_traffic
    where date between :from and :to
    group by date
),

ga as (
    select
        traffic.date,
        traffic.source,
        traffic.campaign,
        traffic.campaign_id,
        replace(replace(replace(lower(traffic.campaign), '+', 'plus'), ' ', '_'), '-', '_') as match_name,
        coalesce(traffic.sessions, 0) as sessions,
        coalesce(traffic.users, 0) as users,
        coalesce(traffic.transactions, 0) as transactions,
        coalesce(traffic.revenue_thb_minor, 0) as revenue_minor
    from stg_ga4_traffic as traffic
    inner join preferred on preferred.date = traffic.date and preferred.data_source = traffic.data_source
),

ga_matched as (
    select ga.*, campaigns.platform, campaigns.account_id, campaigns.campaign_id as ad_campaign_id, 'id' as match_method
    from ga
    inner join campaigns on ga.campaign_id is not null and (ga.campaign_id = campaigns.utm_id or ga.campaign_id = campaigns.campaign_id)
    union all
    select ga.*, campaigns.platform, campaigns.account_id, campaigns.campaign_id as ad_campaign_id, 'name' as match_method
    from ga
    inner join campaigns
        on ga.match_name = campaigns.match_name
       and (campaigns.utm_source is null or lower(ga.source) = lower(campaigns.utm_source))
    where not exists (
        select 1 from campaigns as by_id
        where ga.campaign_id is not null and (ga.campaign_id = by_id.utm_id or ga.campaign_id = by_id.campaign_id)
    )
),

ga_by_campaign as (
    select
        date,
        platform,
        account_id,
        ad_campaign_id as campaign_id,
        max(match_method) as match_method,
        sum(sessions) as sessions,
        sum(users) as users,
        sum(transactions) as transactions,
        sum(revenue_minor) as revenue_minor
    from ga_matched
    group by date, platform, account_id, ad_campaign_id
),

purchases as (
    select
        purchases.date,
        purchases.transaction_id,
        purchases.source,
        purchases.campaign_id,
        replace(replace(replace(lower(purchases.campaign), '+', 'plus'), ' ', '_'), '-', '_') as match_name
    from stg_ga4_purchases as purchases
    inner join preferred on preferred.date = purchases.date and preferred.data_source = purchases.data_source
),

purchases_matched as (
    select purchases.*, campaigns.platform, campaigns.account_id, campaigns.campaign_id as ad_campaign_id
    from purchases
    inner join campaigns
        on purchases.campaign_id is not null and (purchases.campaign_id = campaigns.utm_id or purchases.campaign_id = campaigns.campaign_id)
    union all
    select purchases.*, campaigns.platform, campaigns.account_id, campaigns.campaign_id as ad_campaign_id
    from purchases
    inner join campaigns
        on purchases.match_name = campaigns.match_name
       and (campaigns.utm_source is null or lower(purchases.source) = lower(campaigns.utm_source))
    where not exists (
        select 1 from campaigns as by_id
        where purchases.campaign_id is not null and (purchases.campaign_id = by_id.utm_id or purchases.campaign_id = by_id.campaign_id)
    )
),

ecom as (
    select
        purchases_matched.date,
        purchases_matched.platform,
        purchases_matched.account_id,
        purchases_matched.ad_campaign_id as campaign_id,
        count(*) as orders,
        sum(stg_orders.net_amount_thb_minor) as revenue_minor
    from purchases_matched
    inner join stg_orders on stg_orders.order_id = purchases_matched.transaction_id
    where stg_orders.order_status_normalized in ('completed', 'pending')
    group by purchases_matched.date, purchases_matched.platform, purchases_matched.account_id, purchases_matched.ad_campaign_id
),

keys as (
    select date, platform, account_id, campaign_id from ads
    union
    select date, platform, account_id, campaign_id from ga_by_campaign
),

joined as (
    select
        keys.date,
        keys.platform,
        keys.account_id,
        keys.campaign_id,
        campaigns.campaign_name,
        campaigns.utm_source,
        campaigns.utm_medium,
        campaigns.utm_campaign,
        ga_by_campaign.match_method,
        coalesce(ads.spend_minor, 0) as spend_minor,
        coalesce(ads.clicks, 0) as clicks,
        coalesce(ads.impressions, 0) as impressions,
        ads.conversions as platform_conversions,
        ads.conversion_value_minor as platform_conversion_value_minor,
        coalesce(ga_by_campaign.sessions, 0) as ga_sessions,
        coalesce(ga_by_campaign.users, 0) as ga_users,
        coalesce(ga_by_campaign.transactions, 0) as ga_transactions,
        coalesce(ga_by_campaign.revenue_minor, 0) as ga_revenue_minor,
        coalesce(ecom.orders, 0) as ecom_orders,
        coalesce(ecom.revenue_minor, 0) as ecom_revenue_minor
    from keys
    left join campaigns on campaigns.platform = keys.platform and campaigns.account_id = keys.account_id and campaigns.campaign_id = keys.campaign_id
    left join ads on ads.date = keys.date and ads.platform = keys.platform and ads.account_id = keys.account_id and ads.campaign_id = keys.campaign_id
    left join ga_by_campaign on ga_by_campaign.date = keys.date and ga_by_campaign.platform = keys.platform
        and ga_by_campaign.account_id = keys.account_id and ga_by_campaign.campaign_id = keys.campaign_id
    left join ecom on ecom.date = keys.date and ecom.platform = keys.platform and ecom.account_id = keys.account_id
        and ecom.campaign_id = keys.campaign_id
),

final as (
    select
        date,
        platform as ads_platform,
        account_id,
        campaign_id,
        campaign_name,
        utm_source,
        utm_medium,
        utm_campaign,
        match_method,
        (select data_source from preferred where preferred.date = joined.date) as data_source,
        spend_minor / :minor_per_major as ad_spend,
        spend_minor as ad_spend_minor,
        clicks as ad_clicks,
        impressions as ad_impressions,
        platform_conversions,
        platform_conversion_value_minor,
        ga_sessions,
        ga_users,
        ga_transactions,
        ga_revenue_minor / :minor_per_major as ga_revenue,
        ga_revenue_minor,
        ecom_orders,
        ecom_revenue_minor / :minor_per_major as ecom_revenue,
        ecom_revenue_minor,
        cast(platform_conversion_value_minor as double precision) / nullif(spend_minor, 0) as roas_platform,
        cast(ga_revenue_minor as double precision) / nullif(spend_minor, 0) as roas_ga,
        cast(ecom_revenue_minor as double precision) / nullif(spend_minor, 0) as roas_ecom,
        cast(spend_minor as double precision) / :minor_per_major / nullif(platform_conversions, 0) as cpa_platform,
        cast(spend_minor as double precision) / :minor_per_major / nullif(ga_transactions, 0) as cpa_ga,
        cast(spend_minor as double precision) / :minor_per_major / nullif(ecom_orders, 0) as cpa_ecom,
        :built_at as _built_at
    from joined
)

select * from final
