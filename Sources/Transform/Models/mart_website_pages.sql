-- mart_website_pages
-- grain: one row per business date and page path viewed.
-- source: per date, the export's staging when it has the date, else the Data API's.
-- parameters: :from, :to, :built_at.

with

preferred as (
    select date, max(data_source) as data_source
    from stg_ga4_pages
    where date between :from and :to
    group by date
),

final as (
    select
        pages.date,
        pages.data_source,
        pages.page_path,
        pages.page_title,
        pages.pageviews,
        pages.unique_pageviews,
        pages.avg_time_on_page,
        pages.entrances,
        pages.exits,
        pages.exit_rate,
        pages.bounce_rate,
        :built_at as _built_at
    from stg_ga4_pages as pages
    inner join preferred on preferred.date = pages.date and preferred.data_source = pages.data_source
)

select * from final
