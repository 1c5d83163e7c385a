-- mart_product_performance
-- grain: one row per business date × master SKU that sold, between :from and :to: mart_product_shop_performance
-- summed over marketplaces and shops (built before it), with units and revenue per marketplace. Lines whose
-- platform SKU has no master SKU count under 'unmapped': never dropped from totals.
-- cost is null when any unit of the day has no cost, and so are gross_profit, margin_percent, profit_after_fees and
-- margin_after_fees_percent. fees are the settled orders' fees allocated to the SKU (see mart_product_shop_performance);
-- profit_after_fees = gross_profit - fees.
-- The runner inserts the columns of the mart's declared table, by name, from this select.
-- parameters: :from, :to, :lookback_from (unused), :minor_per_major, :built_at.

with

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
        sum(case when platform = 'shopee' then units else 0 end) as shopee_units,
        sum(case when platform = 'shopee' then revenue_minor else 0 end) as shopee_revenue_minor,
        sum(case when platform = 'lazada' then units else 0 end) as lazada_units,
        sum(case when platform = 'lazada' then revenue_minor else 0 end) as lazada_revenue_minor,
        sum(case when platform = 'tiktok' then units else 0 end) as tiktok_units,
        sum(case when platform = 'tiktok' then revenue_minor else 0 end) as tiktok_revenue_minor,
        sum(case when platform not in ('shopee', 'lazada', 'tiktok') then units else 0 end) as other_units,
        sum(case when platform not in ('shopee', 'lazada', 'tiktok') then revenue_minor else 0 end) as other_revenue_minor,
        sum(units) as total_units,
        sum(revenue_minor) as total_revenue_minor,
        case when count(cost_minor) = count(*) then sum(cost_minor) end as cost_minor,
        sum(fees_minor) as fees_minor,
        sum(unsettled_revenue_minor) as unsettled_revenue_minor
    from mart_product_shop_performance
    where date between :from and :to
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
        daily.fees_minor / :minor_per_major as fees,
        daily.fees_minor,
        daily.unsettled_revenue_minor,
        (daily.total_revenue_minor - daily.cost_minor - daily.fees_minor) / :minor_per_major as profit_after_fees,
        daily.total_revenue_minor - daily.cost_minor - daily.fees_minor as profit_after_fees_minor,
        100.0 * (daily.total_revenue_minor - daily.cost_minor - daily.fees_minor) / nullif(daily.total_revenue_minor, 0)
            as margin_after_fees_percent,
        rank() over (partition by daily.date order by daily.total_revenue_minor desc) as revenue_rank,
        rank() over (partition by daily.date order by daily.total_units desc) as units_rank,
        :built_at as _built_at
    from daily
    left join products
        on products.sku_master = daily.sku_master
)

select * from final
