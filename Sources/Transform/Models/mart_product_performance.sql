-- mart_product_performance
-- grain: one row per business date × master SKU with units sold in orders that count, between :from and :to.
-- A line counts as in mart_daily_performance: its own status is completed or pending (a line cancelled alone or
-- returned does not). Revenue is Σ total_price_thb_minor of those lines, per marketplace and in total.
-- Lines whose platform SKU has no master SKU in ref_sku_map count under 'unmapped': never dropped from totals.
-- cost = Σ quantity × the master SKU's cost in force that date (ref_sku_costs, the latest effective_from on or before
-- it); null when any unit of the day has no cost, and so are gross_profit and margin_percent.
-- The runner inserts the columns of the mart's declared table, by name, from this select.
-- parameters: :from, :to, :lookback_from (unused), :minor_per_major, :built_at.

with

lines as (
    select
        items.order_date as date,
        coalesce(items.sku_normalized, 'unmapped') as sku_master,
        items.platform,
        items.quantity,
        items.total_price_thb_minor as revenue_minor,
        (
            select costs.cost_minor
            from ref_sku_costs as costs
            where costs.sku_master = items.sku_normalized
                and costs.effective_from <= items.order_date
            order by costs.effective_from desc
            limit 1
        ) as unit_cost_minor
    from stg_order_items as items
    where items.order_date between :from and :to
        and items.order_status_normalized in ('completed', 'pending')
),

products as (
    select
        sku_master,
        max(product_name) as product_name,
        max(category) as category
    from ref_sku_map
    group by sku_master
),

daily as (
    select
        date,
        sku_master,
        sum(case when platform = 'shopee' then quantity else 0 end) as shopee_units,
        sum(case when platform = 'shopee' then revenue_minor else 0 end) as shopee_revenue_minor,
        sum(case when platform = 'lazada' then quantity else 0 end) as lazada_units,
        sum(case when platform = 'lazada' then revenue_minor else 0 end) as lazada_revenue_minor,
        sum(case when platform = 'tiktok' then quantity else 0 end) as tiktok_units,
        sum(case when platform = 'tiktok' then revenue_minor else 0 end) as tiktok_revenue_minor,
        sum(case when platform not in ('shopee', 'lazada', 'tiktok') then quantity else 0 end) as other_units,
        sum(case when platform not in ('shopee', 'lazada', 'tiktok') then revenue_minor else 0 end) as other_revenue_minor,
        sum(quantity) as total_units,
        sum(revenue_minor) as total_revenue_minor,
        case when count(unit_cost_minor) = count(*) then sum(unit_cost_minor * quantity) end as cost_minor
    from lines
    group by date, sku_master
),

final as (
    select
        daily.date,
        daily.sku_master,
        coalesce(products.product_name, case when daily.sku_master = 'unmapped' then 'Unmapped platform SKUs' end) as product_name,
        products.category,
        daily.shopee_units,
        daily.shopee_revenue_minor / :minor_per_major as shopee_revenue,
        daily.shopee_revenue_minor,
        daily.lazada_units,
        daily.lazada_revenue_minor / :minor_per_major as lazada_revenue,
        daily.lazada_revenue_minor,
        daily.tiktok_units,
        daily.tiktok_revenue_minor / :minor_per_major as tiktok_revenue,
        daily.tiktok_revenue_minor,
        daily.other_units,
        daily.other_revenue_minor / :minor_per_major as other_revenue,
        daily.other_revenue_minor,
        daily.total_units,
        daily.total_revenue_minor / :minor_per_major as total_revenue,
        daily.total_revenue_minor,
        daily.cost_minor / :minor_per_major as cost,
        daily.cost_minor,
        (daily.total_revenue_minor - daily.cost_minor) / :minor_per_major as gross_profit,
        daily.total_revenue_minor - daily.cost_minor as gross_profit_minor,
        100.0 * (daily.total_revenue_minor - daily.cost_minor) / nullif(daily.total_revenue_minor, 0) as margin_percent,
        rank() over (partition by daily.date order by daily.total_revenue_minor desc) as revenue_rank,
        rank() over (partition by daily.date order by daily.total_units desc) as units_rank,
        :built_at as _built_at
    from daily
    left join products
        on products.sku_master = daily.sku_master
)

select * from final
