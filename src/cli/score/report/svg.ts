/**
 * Charts as inline SVG text: a grouped bar chart (score distributions) and a step chart (qualifications
 * over time). No script, no external asset: the report opens anywhere, offline, and prints as it shows.
 */
import { escapeHtml } from './escape.js';

export interface BarSeries {
  name: string;
  /** One value per label. */
  values: readonly number[];
  /** One colour for the series, or one per label. */
  colors: string | readonly string[];
}

export interface BarChart {
  title: string;
  labels: readonly string[];
  series: readonly BarSeries[];
  /** What a bar counts, e.g. `accounts`. */
  unit: string;
}

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 12, bottom: 34, left: 40 } as const;
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

export function barChart(chart: BarChart): string {
  const max = Math.max(1, ...chart.series.flatMap((series) => series.values));
  const ticks = yTicks(max);
  const top = ticks[ticks.length - 1] ?? max;
  const group = PLOT_W / Math.max(1, chart.labels.length);
  const barWidth = (group * 0.8) / Math.max(1, chart.series.length);
  const y = (value: number): number => MARGIN.top + PLOT_H - (value / top) * PLOT_H;
  const bars = chart.labels.flatMap((label, index) =>
    chart.series.map((series, s) => {
      const value = series.values[index] ?? 0;
      const color = typeof series.colors === 'string' ? series.colors : (series.colors[index] ?? '#888');
      const x = MARGIN.left + index * group + group * 0.1 + s * barWidth;
      const name = chart.series.length > 1 ? `${series.name}: ` : '';
      return (
        `<rect class="bar" data-series="${escapeHtml(series.name)}" data-label="${escapeHtml(label)}" data-value="${value}" ` +
        `x="${fixed(x)}" y="${fixed(y(value))}" width="${fixed(barWidth)}" height="${fixed(MARGIN.top + PLOT_H - y(value))}" fill="${color}">` +
        `<title>${escapeHtml(`${name}${value} ${chart.unit} scored ${label}`)}</title></rect>`
      );
    }),
  );
  const xLabels = chart.labels.map(
    (label, index) =>
      `<text x="${fixed(MARGIN.left + index * group + group / 2)}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${escapeHtml(label)}</text>`,
  );
  return svg(chart.title, [...grid(ticks, y), ...bars, ...xLabels, axes()]);
}

export interface StepSeries {
  name: string;
  color: string;
  /** Moments (epoch ms) at which the count rises by one. */
  moments: readonly number[];
  dashed?: boolean;
}

export interface StepChart {
  title: string;
  from: number;
  to: number;
  series: readonly StepSeries[];
}

const DAY_MS = 86_400_000;

export function stepChart(chart: StepChart): string {
  const span = Math.max(DAY_MS, chart.to - chart.from);
  const max = Math.max(1, ...chart.series.map((series) => series.moments.length));
  const ticks = yTicks(max);
  const top = ticks[ticks.length - 1] ?? max;
  const x = (ms: number): number =>
    MARGIN.left + ((Math.min(Math.max(ms, chart.from), chart.to) - chart.from) / span) * PLOT_W;
  const y = (count: number): number => MARGIN.top + PLOT_H - (count / top) * PLOT_H;
  const paths = chart.series.map((series) => {
    const moments = [...series.moments].sort((a, b) => a - b);
    const steps = moments.map((ms, index) => `H${fixed(x(ms))}V${fixed(y(index + 1))}`).join('');
    const dash = series.dashed ? ' stroke-dasharray="6 4"' : '';
    return (
      `<path class="series" data-series="${escapeHtml(series.name)}" data-final="${moments.length}" d="M${fixed(x(chart.from))} ${fixed(y(0))}${steps}H${fixed(x(chart.to))}" ` +
      `fill="none" stroke="${series.color}" stroke-width="2"${dash}><title>${escapeHtml(`${series.name}: ${moments.length}`)}</title></path>`
    );
  });
  const days = Math.ceil(span / DAY_MS);
  const every = Math.max(1, Math.ceil(days / 8));
  const xLabels: string[] = [];
  for (let day = 0; day <= days; day += every) {
    const ms = chart.from + day * DAY_MS;
    xLabels.push(
      `<text x="${fixed(x(ms))}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${new Date(ms).toISOString().slice(5, 10)}</text>`,
    );
  }
  return svg(chart.title, [...grid(ticks, y), ...paths, ...xLabels, axes()]);
}

function svg(title: string, parts: readonly string[]): string {
  return `<svg class="chart" role="img" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>${parts.join('')}</svg>`;
}

function grid(ticks: readonly number[], y: (value: number) => number): string[] {
  return ticks.map(
    (tick) =>
      `<line class="grid" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${fixed(y(tick))}" y2="${fixed(y(tick))}"/>` +
      `<text x="${MARGIN.left - 6}" y="${fixed(y(tick) + 4)}" text-anchor="end">${tick}</text>`,
  );
}

function axes(): string {
  const bottom = MARGIN.top + PLOT_H;
  return `<path class="axis" d="M${MARGIN.left} ${MARGIN.top}V${bottom}H${WIDTH - MARGIN.right}" fill="none"/>`;
}

/** Whole-number ticks from 0 to at least `max`, about five of them. */
function yTicks(max: number): number[] {
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, rough)));
  const step = Math.max(
    1,
    [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= rough) ?? magnitude * 10,
  );
  const ticks: number[] = [];
  for (let tick = 0; tick < max + step; tick += step) ticks.push(tick);
  return ticks;
}

function fixed(value: number): string {
  return value.toFixed(1);
}
