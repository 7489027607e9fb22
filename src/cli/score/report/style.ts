/** The report's stylesheet, inline: the page must load nothing. Prints on paper as it shows on screen. */
export const REPORT_STYLE = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #111827; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.4; }
h1 { font-size: 1.5rem; margin: 0 0 4px; }
h2 { font-size: 1.15rem; margin: 28px 0 8px; border-bottom: 1px solid #e5e7eb; padding-bottom: 4px; }
header p { color: #4b5563; margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #e5e7eb; }
thead th { background: #f9fafb; font-weight: 600; }
td.when { white-space: nowrap; }
td.score { font-variant-numeric: tabular-nums; font-weight: 600; }
small { color: #6b7280; }
.tier { color: #fff; border-radius: 9px; padding: 1px 8px; font-size: 0.8rem; white-space: nowrap; }
.why p { margin: 2px 0; }
.why ul { margin: 2px 0 4px 18px; padding: 0; }
.why .explanation { color: #374151; }
.why details summary { cursor: pointer; color: #2563eb; }
li.met { color: #166534; }
li.unmet { color: #6b7280; }
svg.chart { max-width: 100%; height: auto; font-size: 11px; fill: #374151; }
svg.chart .grid { stroke: #e5e7eb; }
svg.chart .axis { stroke: #9ca3af; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 16px; padding: 0; margin: 4px 0 0; font-size: 0.85rem; }
.swatch { display: inline-block; width: 14px; height: 10px; margin-right: 6px; vertical-align: middle; border-top: 3px solid transparent; }
.swatch.dashed { border-top-style: dashed; height: 0; }
.counts { columns: 2; font-size: 0.9rem; }
@media print { .why details { display: block; } }
`;
