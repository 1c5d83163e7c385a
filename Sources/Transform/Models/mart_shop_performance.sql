-- mart_shop_performance
-- grain: one row per business date × platform × shop, for the shops with orders between :lookback_from and :to.
-- revenue and orders as in mart_daily_performance; refunds are cancelled and refunded orders;
-- refund_rate = refunded orders / all orders. Growth is against the same day last month and last year.
-- The runner inserts the columns of the mart's declared table, by name, from this select.
-- parameters: :from, :to, :lookback_from (at least 366 days before :from for revenue_yoy), :minor_per_major, :built_at.

with

calendar as (
    select date, same_day_last_month, same_day_last_year
    from dim_date
    where date between :lookback_from and :to
),

shops as (
    select platform, shop_id, max(shop_name) as shop_name
    from stg_orders
    where order_date between :lookback_from and :to
    group by platform, shop_id
),

orders as (
    select
        order_date as date,
        platform,
        shop_id,
        sum(case when order_status_normalized in ('completed', 'pending') then net_amount_thb_minor else 0 end) as revenue_minor,
        sum(case when order_status_normalized in ('completed', 'pending') then 1 else 0 end) as orders,
        sum(case when order_status_normalized in ('completed', 'pending') then units else 0 end) as units,
        sum(case when order_status_normalized in ('cancelled', 'refunded') then 1 else 0 end) as refunded_orders,
        sum(case when order_status_normalized in ('cancelled', 'refunded') then net_amount_thb_minor else 0 end) as refund_amount_minor,
        count(*) as all_orders
    from stg_orders
    where order_date between :lookback_from and :to
    group by order_date, platform, shop_id
),

daily as (
    select
        -- ids
        shops.platform,
        shops.shop_id,
        shops.shop_name,
        -- dates
        calendar.date,
        calendar.same_day_last_month,
        calendar.same_day_last_year,
        -- metrics
        coalesce(orders.revenue_minor, 0) as revenue_minor,
        coalesce(orders.orders, 0) as orders,
        coalesce(orders.units, 0) as units,
        coalesce(orders.refunded_orders, 0) as refunded_orders,
        coalesce(orders.refund_amount_minor, 0) as refund_amount_minor,
        coalesce(orders.all_orders, 0) as all_orders
    from calendar
    cross join shops
    left join orders
        on orders.date = calendar.date
        and orders.platform = shops.platform
        and orders.shop_id = shops.shop_id
),

final as (
    select
        today.date,
        today.platform,
        today.shop_id,
        today.shop_name,
        today.revenue_minor / :minor_per_major as revenue,
        today.revenue_minor,
        today.orders,
        today.units,
        cast(today.revenue_minor as double precision) / :minor_per_major / nullif(today.orders, 0) as avg_order_value,
        today.refunded_orders,
        today.refund_amount_minor / :minor_per_major as refund_amount,
        today.refund_amount_minor,
        cast(today.refunded_orders as double precision) / nullif(today.all_orders, 0) as refund_rate,
        (cast(today.revenue_minor as double precision) - last_month.revenue_minor) / nullif(last_month.revenue_minor, 0) as revenue_mom,
        (cast(today.revenue_minor as double precision) - last_year.revenue_minor) / nullif(last_year.revenue_minor, 0) as revenue_yoy,
        (cast(today.orders as double precision) - last_month.orders) / nullif(last_month.orders, 0) as orders_mom,
        :built_at as _built_at
    from daily as today
    left join daily as last_month
        on last_month.date = today.same_day_last_month
        and last_month.platform = today.platform
        and last_month.shop_id = today.shop_id
    left join daily as last_year
        on last_year.date = today.same_day_last_year
        and last_year.platform = today.platform
        and last_year.shop_id = today.shop_id
    where today.date between :from and :to
)

select * from final
