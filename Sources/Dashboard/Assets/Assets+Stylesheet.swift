extension Assets {
    /// The dashboard's one stylesheet: system fonts, a neutral palette with one accent, cards on a grid that
    /// reflows from phone to laptop, a dark scheme, and a print layout without the controls.
    public static let stylesheet = #"""
    :root {
      color-scheme: light dark;
      --bg: #f5f6f8;
      --surface: #ffffff;
      --border: #dfe3e8;
      --text: #1c2430;
      --muted: #5b6675;
      --accent: #1f5fd1;
      --accent-soft: #e6eefc;
      --series-1: #1f5fd1;
      --series-2: #c2570c;
      --series-3: #7a3db8;
      --series-4: #0f7b6c;
      --good: #11703f;
      --good-soft: #e3f4ea;
      --bad: #b42318;
      --bad-soft: #fdecea;
      --neutral-soft: #eceef1;
      --grid: #e6e9ee;
      --hover: rgba(31, 95, 209, 0.08);
      --radius: 10px;
      --font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Thai", "Leelawadee UI",
        Tahoma, sans-serif;
    }

    @media (prefers-color-scheme: dark) {
      :root {
        --bg: #0f141a;
        --surface: #171e27;
        --border: #2a3441;
        --text: #e6eaf0;
        --muted: #9aa6b5;
        --accent: #7aa7ff;
        --accent-soft: #1d2b45;
        --series-1: #6f9dff;
        --series-2: #f0954a;
        --series-3: #b98cf0;
        --series-4: #4fc7b3;
        --good: #5fd08d;
        --good-soft: #133222;
        --bad: #ff8a80;
        --bad-soft: #3a1b1a;
        --neutral-soft: #252e3a;
        --grid: #263040;
        --hover: rgba(122, 167, 255, 0.12);
      }
    }

    *, *::before, *::after { box-sizing: border-box; }

    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }

    body {
      margin: 0;
      background: var(--bg);
      color: var(--text);
      font: 15px/1.5 var(--font);
      font-variant-numeric: tabular-nums;
    }

    a { color: var(--accent); }
    a:focus-visible, button:focus-visible, input:focus-visible, .table-scroll:focus-visible {
      outline: 2px solid var(--accent);
      outline-offset: 2px;
    }

    h1, h2, h3 { line-height: 1.25; margin: 0; }
    h1 { font-size: 1.5rem; }
    h2 { font-size: 1.05rem; }

    .visually-hidden {
      position: absolute !important;
      width: 1px; height: 1px;
      margin: -1px; padding: 0; border: 0;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }

    .skip-link { position: absolute; left: -999px; top: 0.5rem; }
    .skip-link:focus { left: 0.5rem; z-index: 10; background: var(--surface); padding: 0.4rem 0.8rem; }

    /* Header and navigation */

    .site-header { background: var(--surface); border-bottom: 1px solid var(--border); }
    .site-header-inner, .filters-bar > *, .page, .site-footer {
      max-width: 1200px;
      margin: 0 auto;
      padding-left: 1rem;
      padding-right: 1rem;
    }
    .site-header-inner { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1.5rem; min-height: 3.25rem; }
    .brand { margin: 0; font-weight: 700; font-size: 1.1rem; letter-spacing: 0.01em; }
    .site-nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem; margin: 0; padding: 0; list-style: none; }
    .site-nav a { display: block; padding: 0.35rem 0.75rem; border-radius: 6px; color: var(--muted); text-decoration: none; }
    .site-nav a:hover { color: var(--text); background: var(--neutral-soft); }
    .site-nav a[aria-current="page"] { color: var(--accent); background: var(--accent-soft); font-weight: 600; }
    /* The language switch sits at the end of the header row; the current language is marked, not linked-looking. */
    .language-switch { margin-left: auto; }
    .language-switch ul { display: flex; gap: 0.25rem; margin: 0; padding: 0; list-style: none; font-size: 0.875rem; }
    .language-switch a { display: block; padding: 0.25rem 0.6rem; border-radius: 6px; color: var(--muted); text-decoration: none; }
    .language-switch a:hover { color: var(--text); background: var(--neutral-soft); }
    .language-switch a[aria-current="true"] { color: var(--text); font-weight: 600; box-shadow: inset 0 0 0 1px var(--border); }
    .sign-out { display: flex; align-items: center; gap: 0.5rem; font-size: 0.875rem; color: var(--muted); }
    .sign-out button { font: inherit; padding: 0.25rem 0.6rem; border-radius: 6px; border: 1px solid var(--border); background: none; color: var(--text); cursor: pointer; }
    .sign-in { max-width: 22rem; margin: 2rem auto; }
    .sign-in-form { display: grid; gap: 0.5rem; }
    .sign-in-form input { font: inherit; padding: 0.5rem; border: 1px solid var(--border); border-radius: 6px; }
    .sign-in-form button { font: inherit; margin-top: 0.5rem; padding: 0.5rem; border-radius: 6px; border: 1px solid var(--border); cursor: pointer; }
    .sign-in-error { color: var(--bad); }

    /* Date range */

    .filters-bar { background: var(--surface); border-bottom: 1px solid var(--border); padding: 0.75rem 0; }
    .date-range { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.25rem; }
    .date-range-summary { margin: 0; flex-basis: 100%; color: var(--muted); }
    .date-range-summary strong { color: var(--text); }
    .date-range form { margin: 0; }
    .date-range fieldset { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem; margin: 0; padding: 0; border: 0; min-width: 0; }
    .date-range legend { float: left; margin-right: 0.25rem; color: var(--muted); font-size: 0.9rem; }
    .date-range label { display: inline-flex; align-items: center; gap: 0.3rem; color: var(--muted); font-size: 0.9rem; }

    button, input { font: inherit; color: inherit; }
    button {
      padding: 0.3rem 0.75rem;
      border: 1px solid var(--border);
      border-radius: 999px;
      background: var(--surface);
      cursor: pointer;
    }
    button:hover { border-color: var(--accent); }
    button.is-current { background: var(--accent); border-color: var(--accent); color: var(--surface); font-weight: 600; }
    input[type="date"] {
      padding: 0.25rem 0.5rem;
      border: 1px solid var(--border);
      border-radius: 6px;
      background: var(--surface);
    }

    /* Page */

    .page { padding-top: 1.25rem; padding-bottom: 2rem; display: grid; gap: 1.25rem; }
    .page:focus { outline: none; }
    .page-header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.5rem 1rem; }
    .page-header p { margin: 0; color: var(--muted); }
    .exports { display: flex; gap: 0.75rem; margin: 0; }

    .card {
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: var(--radius);
      padding: 1rem 1.25rem;
      min-width: 0;
    }
    .card > h2 { margin-bottom: 0.75rem; }
    .split { display: grid; gap: 1.25rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); }

    .empty-state { text-align: center; padding: 2.5rem 1.25rem; }
    .empty-state h2 { margin-bottom: 0.5rem; font-size: 1.2rem; }
    .empty-state p { margin: 0.25rem auto; max-width: 36rem; color: var(--muted); }
    .note { margin: 0.75rem 0 0; font-size: 0.85rem; color: var(--muted); }
    .empty-note { margin: 0; color: var(--muted); }
    code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em;
      background: var(--neutral-soft); padding: 0.05rem 0.35rem; border-radius: 4px; }

    .freshness { margin: 0; color: var(--muted); font-size: 0.88rem; }
    .freshness ul { display: inline; margin: 0; padding: 0; list-style: none; }
    .freshness li { display: inline; }
    .freshness li + li::before { content: " · "; }
    .freshness .is-stale { color: var(--bad); }

    /* KPI cards */

    .kpi-grid { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr)); }
    .kpi {
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: var(--radius);
      padding: 0.85rem 1rem;
      display: flex; flex-direction: column; gap: 0.2rem;
    }
    .kpi-label { font-size: 0.85rem; font-weight: 500; color: var(--muted); }
    .kpi-value { margin: 0; font-size: 1.4rem; font-weight: 650; letter-spacing: -0.01em; white-space: nowrap; font-variant-numeric: tabular-nums; }
    .kpi-comparison { margin: 0; display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.5rem; font-size: 0.85rem; }
    .kpi-previous { color: var(--muted); }

    .delta { display: inline-flex; align-items: center; gap: 0.2rem; padding: 0.05rem 0.45rem; border-radius: 999px;
      font-size: 0.82rem; font-weight: 600; white-space: nowrap; }
    .delta-arrow { font-size: 0.7em; }
    .delta-good { color: var(--good); background: var(--good-soft); }
    .delta-bad { color: var(--bad); background: var(--bad-soft); }
    .delta-neutral { color: var(--muted); background: var(--neutral-soft); }

    /* Charts */

    .chart { margin: 0; }
    .chart-title { font-weight: 600; margin-bottom: 0.5rem; }
    .chart-svg { display: block; width: 100%; height: auto; overflow: visible; }
    .chart-svg .grid { stroke: var(--grid); stroke-width: 1; }
    .chart-svg .grid-zero, .chart-svg .tick { stroke: var(--muted); stroke-width: 1; }
    .chart-svg .tick-label { fill: var(--muted); font-size: 11px; }
    .series-bars.series-1 .bar, .series-bars .bar { fill: var(--series-1); }
    .series-bars.series-2 .bar { fill: var(--series-2); }
    .series-line .line { fill: none; stroke: var(--series-2); stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; }
    .series-line .dot { fill: var(--surface); stroke: var(--series-2); stroke-width: 2; }
    .series-line.series-1 .line, .series-line.series-1 .dot { stroke: var(--series-1); }
    .series-line.series-3 .line, .series-line.series-3 .dot { stroke: var(--series-3); }
    .series-line.series-4 .line, .series-line.series-4 .dot { stroke: var(--series-4); }
    .chart-svg .hit:hover { fill: var(--hover); }

    .legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0 0 0.5rem; padding: 0; list-style: none;
      font-size: 0.85rem; color: var(--muted); }
    .legend-item { display: inline-flex; align-items: center; gap: 0.4rem; }
    .legend-item::before { content: ""; display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 2px;
      background: var(--series-1); }
    .legend-item.series-2::before { background: var(--series-2); }
    .legend-item.series-3::before { background: var(--series-3); }
    .legend-item.series-4::before { background: var(--series-4); }
    .scope-form fieldset { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; border: 0; margin: 0; padding: 0; }
    .scope-form label { display: flex; flex-direction: column; font-size: 0.85rem; color: var(--muted); }
    .scope-form select { font: inherit; max-width: 100%; }
    .breadcrumb { margin: 0.5rem 0 1rem; color: var(--muted); overflow-wrap: anywhere; }

    /* Alerts */

    .alert-filters { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; margin-bottom: 1rem; }
    .alert-list { display: grid; gap: 1rem; }
    .alert { border-left: 4px solid var(--muted); }
    .alert-critical { border-left-color: var(--bad); }
    .alert h2 { font-size: 1.05rem; margin: 0.5rem 0; overflow-wrap: anywhere; }
    .alert-header { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; color: var(--muted); font-size: 0.85rem; }
    .badge { display: inline-block; padding: 0.1rem 0.5rem; border: 1px solid var(--border); border-radius: 999px; }
    .severity-critical { color: var(--bad); background: var(--bad-soft); border-color: var(--bad); }
    .badge.provisional { border-style: dashed; }
    .alert-subject, .alert-status { margin: 0.25rem 0; overflow-wrap: anywhere; }
    .alert-figures { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0.25rem 0; padding: 0; list-style: none; }
    .alert-actions { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin-top: 0.5rem; }
    .inline-form { display: inline-flex; gap: 0.4rem; align-items: center; margin: 0; }
    .legend-line::before { height: 0.2rem; border-radius: 1px; }

    /* Bar lists */

    .bar-list { display: grid; gap: 0.85rem; margin: 0; padding: 0; list-style: none; }
    .bar-row { display: flex; justify-content: space-between; align-items: baseline; gap: 0.75rem; }
    .bar-label { font-weight: 500; }
    .bar-value { font-weight: 600; }
    /* Its own class: `.bar` is the chart's SVG rect, and a CSS width on a rect overrides its width attribute. */
    .bar-meter { display: block; width: 100%; height: 8px; margin: 0.3rem 0; border-radius: 4px; }
    .bar-track { fill: var(--neutral-soft); }
    .bar-fill { fill: var(--accent); }
    .bar-meta { font-size: 0.82rem; color: var(--muted); align-items: center; }

    /* Tables */

    .table-scroll { overflow-x: auto; }
    .data-table { width: 100%; border-collapse: collapse; font-size: 0.9rem; white-space: nowrap; }
    .data-table caption { text-align: left; font-weight: 600; font-size: 1.05rem; padding-bottom: 0.6rem; }
    .data-table th, .data-table td { padding: 0.45rem 0.75rem; border-bottom: 1px solid var(--border); }
    .data-table thead th { font-size: 0.8rem; font-weight: 600; color: var(--muted); text-transform: uppercase;
      letter-spacing: 0.03em; position: sticky; top: 0; background: var(--surface); }
    .data-table tbody th { font-weight: 500; }
    .data-table tbody tr:hover { background: var(--hover); }
    .data-table tfoot th, .data-table tfoot td { font-weight: 650; border-bottom: 0; border-top: 2px solid var(--border); }
    .align-start { text-align: left; }
    .align-end { text-align: right; }
    .sort-button { all: inherit; cursor: pointer; display: inline-flex; gap: 0.25rem; padding: 0; border: 0; }
    .sort-button::after { content: "↕"; opacity: 0.35; }
    th[aria-sort="ascending"] .sort-button::after { content: "↑"; opacity: 1; }
    th[aria-sort="descending"] .sort-button::after { content: "↓"; opacity: 1; }

    .site-footer { padding-top: 1rem; padding-bottom: 2rem; color: var(--muted); font-size: 0.82rem; }
    .site-footer p { margin: 0; }

    @media (max-width: 600px) {
      body { font-size: 14px; }
      .page { padding-top: 1rem; gap: 1rem; }
      .card { padding: 0.85rem; }
      .kpi-grid { grid-template-columns: repeat(2, minmax(0, 1fr)); }
      .kpi-value { font-size: 1.05rem; }
    }

    @media print {
      :root { color-scheme: light; --bg: #fff; --surface: #fff; --text: #000; --muted: #444; --border: #bbb; }
      body { font-size: 11pt; }
      .site-nav, .language-switch, .sign-out, .date-range form, .skip-link, .exports { display: none; }
      .site-header, .filters-bar { border: 0; }
      .card, .kpi, .bar-item, tr { break-inside: avoid; }
      .table-scroll { overflow: visible; }
      .data-table { white-space: normal; }
      .data-table thead th { position: static; }
      .chart-svg .hit:hover { fill: transparent; }
    }
    """#
}
