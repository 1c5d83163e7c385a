-- mart_product_shop_performance
-- grain: one row per business date × platform × shop × master SKU with units sold in orders that count, between :from
-- and :to. It is where a product's figures are narrowed to a marketplace or a shop, and where fees are allocated;
-- mart_product_performance sums it per master SKU.
-- A line counts as in mart_daily_performance: its own status is completed or pending (a line cancelled alone or
-- returned does not). Lines whose platform SKU has no master SKU in ref_sku_map count under 'unmapped'.
-- cost = Σ quantity × the master SKU's cost in force that date (ref_sku_costs, the latest effective_from on or before
-- it); null when any unit has no cost.
-- fees: each settled order's fees (stg_order_fees) allocated to its master SKUs in proportion to their revenue in the
-- order, each share rounded towards zero to the satang and the remainder given to the SKU with the most revenue (the
-- smaller code on a tie), so an order's shares add up to its fees exactly. unsettled_revenue_minor is the revenue of
-- lines whose order has not settled: their fees are still to come.
-- The runner inserts the columns of the mart's declared table, by name, from this select.
-- parameters: :from, :to, :lookback_from (unused), :minor_per_major, :built_at.

with

lines as (
    select
        items.order_date as date,
        items.platform,
        items.shop_id,
        items.order_id,
        coalesce(items.sku_normalized, 'unmapped') as sku_master,
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

order_skus as (
    select
        lines.date,
        lines.platform,
        lines.shop_id,
        lines.order_id,
        lines.sku_master,
        sum(lines.quantity) as units,
        sum(lines.revenue_minor) as revenue_minor,
        case when count(lines.unit_cost_minor) = count(*) then sum(lines.unit_cost_minor * lines.quantity) end as cost_minor,
        count(*) - count(lines.unit_cost_minor) as lines_without_cost,
        max(fees.fees_minor) as order_fees_minor,
        max(case when fees.settlement_status = 'settled' then 1 else 0 end) as settled
    from lines
    left join stg_order_fees as fees
        on fees.platform = lines.platform
        and fees.shop_id = lines.shop_id
        and fees.order_id = lines.order_id
    group by lines.date, lines.platform, lines.shop_id, lines.order_id, lines.sku_master
),

shares as (
    select
        order_skus.*,
        case
            when settled = 0 then 0
            when sum(revenue_minor) over (partition by platform, shop_id, order_id) = 0 then 0
            -- Integer division on both engines (PostgreSQL's sum is numeric): rounds towards zero.
            else cast(order_fees_minor as bigint) * cast(revenue_minor as bigint)
                / cast(sum(revenue_minor) over (partition by platform, shop_id, order_id) as bigint)
        end as share_minor,
        row_number() over (partition by platform, shop_id, order_id order by revenue_minor desc, sku_master) as sku_rank
    from order_skus
),

allocated as (
    select
        shares.*,
        case
            when settled = 1 and sku_rank = 1
                then share_minor + order_fees_minor - sum(share_minor) over (partition by platform, shop_id, order_id)
            else share_minor
        end as fees_minor
    from shares
),

final as (
    select
        date,
        platform,
        shop_id,
        sku_master,
        sum(units) as units,
        sum(revenue_minor) / :minor_per_major as revenue,
        sum(revenue_minor) as revenue_minor,
        case when sum(lines_without_cost) = 0 then sum(cost_minor) end / :minor_per_major as cost,
        case when sum(lines_without_cost) = 0 then sum(cost_minor) end as cost_minor,
        sum(fees_minor) / :minor_per_major as fees,
        sum(fees_minor) as fees_minor,
        sum(case when settled = 1 then 0 else revenue_minor end) as unsettled_revenue_minor,
        :built_at as _built_at
    from allocated
    group by date, platform, shop_id, sku_master
)

select * from final
