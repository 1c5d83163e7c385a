-- mart_daily_performance
-- grain: one row per business date, every date from :from to :to.
-- revenue: Σ stg_orders.net_amount_thb_minor (Σ discounted unit price × quantity, shipping excluded) of orders
--          normalised completed or pending; cancelled and refunded orders are counted as refunds instead.
-- ad spend: Σ stg_ads_performance.spend_thb_minor (each row converted at its date's rate, rounded to the satang).
-- ratios are NULL over zero. Comparisons are relative changes against the previous day, the same weekday last
-- week and the same day last month, looked up in dim_date.
-- The runner inserts the columns of the mart's declared table, by name, from this select.
-- parameters: :from, :to, :lookback_from (at least 31 days before :from), :minor_per_major, :built_at,
-- :revenue_drop_line (the revenue_drop alert rule's line, -0.2 by default), :roas_low_line (the roas_low rule's, 2).

with

calendar as (
    select date, prev_day, same_day_last_week, same_day_last_month
    from dim_date
    where date between :lookback_from and :to
),

orders as (
    select
        order_date as date,
        count(*) as orders,
        sum(units) as units,
        sum(net_amount_thb_minor) as revenue_minor
    from stg_orders
    where order_status_normalized in ('completed', 'pending')
      and order_date between :lookback_from and :to
    group by order_date
),

refunds as (
    select
        order_date as date,
        count(*) as refunded_orders,
        sum(net_amount_thb_minor) as refund_amount_minor
    from stg_orders
    where order_status_normalized in ('cancelled', 'refunded')
      and order_date between :lookback_from and :to
    group by order_date
),

ads as (
    select
        date,
        sum(spend_thb_minor) as spend_minor,
        sum(impressions) as impressions,
        sum(clicks) as clicks,
        sum(conversions) as conversions,
        sum(conversion_value_thb_minor) as conversion_value_minor
    from stg_ads_performance
    where date between :lookback_from and :to
    group by date
),

daily as (
    select
        -- dates
        calendar.date,
        calendar.prev_day,
        calendar.same_day_last_week,
        calendar.same_day_last_month,
        -- metrics
        coalesce(orders.revenue_minor, 0) as revenue_minor,
        coalesce(orders.orders, 0) as orders,
        coalesce(orders.units, 0) as units,
        coalesce(refunds.refunded_orders, 0) as refunded_orders,
        coalesce(refunds.refund_amount_minor, 0) as refund_amount_minor,
        coalesce(ads.spend_minor, 0) as spend_minor,
        coalesce(ads.impressions, 0) as impressions,
        coalesce(ads.clicks, 0) as clicks,
        coalesce(ads.conversions, 0) as conversions,
        coalesce(ads.conversion_value_minor, 0) as conversion_value_minor,
        cast(orders.revenue_minor as double precision) / nullif(ads.spend_minor, 0) as roas
    from calendar
    left join orders on orders.date = calendar.date
    left join refunds on refunds.date = calendar.date
    left join ads on ads.date = calendar.date
),

compared as (
    select
        today.*,
        (cast(today.revenue_minor as double precision) - yesterday.revenue_minor) / nullif(yesterday.revenue_minor, 0) as revenue_vs_yesterday,
        (cast(today.revenue_minor as double precision) - last_week.revenue_minor) / nullif(last_week.revenue_minor, 0) as revenue_vs_last_week,
        (cast(today.revenue_minor as double precision) - last_month.revenue_minor) / nullif(last_month.revenue_minor, 0) as revenue_vs_last_month,
        (today.roas - yesterday.roas) / nullif(yesterday.roas, 0) as roas_vs_yesterday
    from daily as today
    left join daily as yesterday on yesterday.date = today.prev_day
    left join daily as last_week on last_week.date = today.same_day_last_week
    left join daily as last_month on last_month.date = today.same_day_last_month
    where today.date between :from and :to
),

final as (
    select
        date,
        revenue_minor / :minor_per_major as total_revenue,
        revenue_minor as total_revenue_minor,
        orders as total_orders,
        units as total_units,
        cast(revenue_minor as double precision) / :minor_per_major / nullif(orders, 0) as avg_order_value,
        refunded_orders,
        refund_amount_minor,
        spend_minor / :minor_per_major as total_ad_spend,
        spend_minor as total_ad_spend_minor,
        impressions as total_impressions,
        clicks as total_clicks,
        conversions as total_conversions,
        conversion_value_minor as total_conversion_value_minor,
        roas,
        cast(spend_minor as double precision) / :minor_per_major / nullif(conversions, 0) as cpa,
        cast(clicks as double precision) / nullif(impressions, 0) as ctr,
        cast(conversions as double precision) / nullif(clicks, 0) as conversion_rate,
        revenue_vs_yesterday,
        revenue_vs_last_week,
        revenue_vs_last_month,
        roas_vs_yesterday,
        case when revenue_vs_yesterday < :revenue_drop_line or roas < :roas_low_line then 1 else 0 end as is_anomaly,
        case
            when revenue_vs_yesterday < :revenue_drop_line then 'revenue_drop'
            when roas < :roas_low_line then 'roas_low'
        end as anomaly_type,
        :built_at as _built_at
    from compared
)

select * from final
