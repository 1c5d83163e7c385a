-- mart_shop_performance
-- grain: one row per business date × platform × shop, for the shops with orders between :lookback_from and :to.
-- revenue and orders as in mart_daily_performance; refunds are cancelled and refunded orders;
-- refund_rate = refunded orders / all orders. Growth is against the same day last month and last year.
-- Settlement (stg_order_fees) of the orders that count: how many have settled, their fees and payout. Fees are known
-- only once an order settles, so profit_after_fees = revenue - cost - the fees known so far; unsettled_orders says how
-- many are still to come. cost from mart_product_shop_performance (built before it): null when a unit sold that day has
-- no cost.
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

settlements as (
    select
        orders.order_date as date,
        orders.platform,
        orders.shop_id,
        sum(case when fees.settlement_status = 'settled' then 1 else 0 end) as settled_orders,
        sum(case when fees.settlement_status = 'settled' then 0 else 1 end) as unsettled_orders,
        sum(coalesce(fees.fees_minor, 0)) as fees_minor,
        sum(coalesce(fees.payout_minor, 0)) as payout_minor
    from stg_orders as orders
    left join stg_order_fees as fees
        on fees.platform = orders.platform
        and fees.shop_id = orders.shop_id
        and fees.order_id = orders.order_id
    where orders.order_date between :from and :to
        and orders.order_status_normalized in ('completed', 'pending')
    group by orders.order_date, orders.platform, orders.shop_id
),

costs as (
    select
        date,
        platform,
        shop_id,
        case when count(cost_minor) = count(*) then sum(cost_minor) end as cost_minor
    from mart_product_shop_performance
    where date between :from and :to
    group by date, platform, shop_id
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
        coalesce(settlements.settled_orders, 0) as settled_orders,
        coalesce(settlements.unsettled_orders, 0) as unsettled_orders,
        coalesce(settlements.fees_minor, 0) / :minor_per_major as fees,
        coalesce(settlements.fees_minor, 0) as fees_minor,
        coalesce(settlements.payout_minor, 0) / :minor_per_major as payout,
        coalesce(settlements.payout_minor, 0) as payout_minor,
        case when costs.date is null then 0 else costs.cost_minor end / :minor_per_major as cost,
        case when costs.date is null then 0 else costs.cost_minor end as cost_minor,
        (today.revenue_minor - case when costs.date is null then 0 else costs.cost_minor end - coalesce(settlements.fees_minor, 0))
            / :minor_per_major as profit_after_fees,
        today.revenue_minor - case when costs.date is null then 0 else costs.cost_minor end - coalesce(settlements.fees_minor, 0)
            as profit_after_fees_minor,
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
    left join settlements
        on settlements.date = today.date
        and settlements.platform = today.platform
        and settlements.shop_id = today.shop_id
    left join costs
        on costs.date = today.date
        and costs.platform = today.platform
        and costs.shop_id = today.shop_id
    where today.date between :from and :to
)

select * from final
