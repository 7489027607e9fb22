/**
 * The score command's HTML report: one self-contained page (styles and SVG charts inline, no script, a
 * Content-Security-Policy that forbids any load) a marketer tuning the model can open and look at — the
 * score distributions, accounts qualified over time, the top accounts with why, and with two models what
 * changes. It knows nothing of Attio: it renders what-if results.
 */
import { bandsHighestFirst, type AccountScore, type TierBand } from '../../../core/scoring/index.js';
import type { ModelComparison, MomentChange } from '../compare.js';
import type { ScoredModel } from '../run.js';
import { describeCounts, formatMoment } from '../table.js';
import type { AccountOutcome } from '../what-if.js';
import { escapeHtml as e } from './escape.js';
import { barChart, stepChart } from './svg.js';
import { REPORT_STYLE } from './style.js';

export interface ReportInput {
  file: string;
  a: ScoredModel;
  b?: { model: ScoredModel; comparison: ModelComparison };
}

/** Accounts listed with their explanations. */
export const TOP_ACCOUNTS = 20;

/** Model A, and B when comparing. */
type Models = readonly [ScoredModel, ...ScoredModel[]];

const SERIES_COLORS = ['#2563eb', '#ea580c'] as const;
const TIER_COLORS = ['#dc2626', '#f59e0b', '#3b82f6', '#6b7280', '#9ca3af'] as const;
const BINS = Array.from({ length: 10 }, (_, index) => index * 10);
const BIN_LABELS = BINS.map((low) => (low === 90 ? '90–100' : `${low}–${low + 9}`));

export function renderReport(input: ReportInput): string {
  const models: Models = input.b === undefined ? [input.a] : [input.a, input.b.model];
  const shown = input.b?.model ?? input.a;
  const title = input.b === undefined ? 'Account scoring what-if' : 'Account scoring what-if: two models compared';
  const body = [
    `<header><h1>${e(title)}</h1><p>${e(input.file)}, as of ${e(formatMoment(input.a.whatIf.asOf))} UTC. ${e(describeCounts(input.a.counts))}.</p></header>`,
    section('summary', 'Summary', summaryTable(models)),
    section('account-distribution', 'Account scores', distribution(models, 'accounts')),
    section('user-distribution', 'User scores', distribution(models, 'users')),
    section('qualified-over-time', 'Accounts qualified over time', overTime(models)),
    section(
      'top-accounts',
      `Top ${TOP_ACCOUNTS} accounts${models.length > 1 ? ` under model B (${shown.label})` : ''}, with why`,
      topAccounts(shown, input.b === undefined ? undefined : input.a),
    ),
    input.b === undefined ? '' : section('changes', 'What model B changes', changes(input.b.comparison)),
  ].join('\n');
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title><style>${REPORT_STYLE}</style></head>`,
    `<body>${body}</body></html>`,
    '',
  ].join('\n');
}

function section(id: string, heading: string, content: string): string {
  return `<section data-testid="${id}"><h2>${e(heading)}</h2>${content}</section>`;
}

function summaryTable(models: readonly ScoredModel[]): string {
  const rows = models.map((model, index) => {
    const { whatIf, config } = model;
    const accounts = whatIf.accounts.filter((account) => account.qualification !== undefined).length;
    const users = whatIf.users.filter((user) => user.qualification !== undefined).length;
    const deals = whatIf.accounts.filter((account) => account.dealAt !== undefined).length;
    const name = models.length > 1 ? `${index === 0 ? 'A' : 'B'}: ${model.label}` : model.label;
    const decay = config.decayHalfLifeDays === null ? 'none' : `${config.decayHalfLifeDays} d`;
    return `<tr><th scope="row">${e(name)}</th><td>${users} of ${whatIf.users.length}</td><td>${accounts} of ${whatIf.accounts.length}</td><td>${deals} (${e(config.dealTrigger)})</td><td>${config.pqlThreshold} / ${config.accountThreshold}</td><td>${e(decay)}</td></tr>`;
  });
  return `<table><thead><tr><th>Model</th><th>Users qualified</th><th>Accounts qualified</th><th>Deals (trigger)</th><th>Thresholds user / account</th><th>Half-life</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function distribution(models: Models, of: 'accounts' | 'users'): string {
  const scores = (model: ScoredModel): number[] =>
    of === 'accounts' ? model.whatIf.accounts.map((a) => a.current.score) : model.whatIf.users.map((u) => u.score);
  const bands = (model: ScoredModel): readonly TierBand[] =>
    of === 'accounts' ? model.config.accountTiers : model.config.userTiers;
  const series = models.map((model, index) => ({
    name: models.length > 1 ? (index === 0 ? 'A' : 'B') : model.label,
    values: histogram(scores(model)),
    colors: models.length > 1 ? (SERIES_COLORS[index] ?? '#888') : BINS.map((low) => tierColor(bands(model), low)),
  }));
  const legend = models.length > 1 ? seriesLegend(models) : tierLegend(bands(models[0]));
  return `${barChart({ title: `${of === 'accounts' ? 'Account' : 'User'} scores as of the end, in bands of 10`, labels: BIN_LABELS, series, unit: of })}${legend}`;
}

function histogram(scores: readonly number[]): number[] {
  const counts = BINS.map(() => 0);
  for (const score of scores) {
    const bin = Math.min(BINS.length - 1, Math.max(0, Math.floor(score / 10)));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return counts;
}

function overTime(models: Models): string {
  const to = Date.parse(models[0].whatIf.asOf);
  const from = Math.min(...models.map((model) => Date.parse(model.whatIf.firstEventAt ?? model.whatIf.asOf)));
  const series = models.flatMap((model, index) => {
    const tag = models.length > 1 ? (index === 0 ? 'A' : 'B') : model.label;
    const color = SERIES_COLORS[index] ?? '#888';
    const qualified = model.whatIf.accounts.flatMap((account) =>
      account.qualification ? [Date.parse(account.qualification.at)] : [],
    );
    const deals = model.whatIf.accounts.flatMap((account) => (account.dealAt ? [Date.parse(account.dealAt)] : []));
    return [
      { name: `${tag} accounts qualified`, color, moments: qualified },
      { name: `${tag} deals opened`, color, moments: deals, dashed: true },
    ];
  });
  const legend = `<ul class="legend">${series.map((s) => `<li><span class="swatch${s.dashed ? ' dashed' : ''}" style="border-color:${s.color}"></span>${e(s.name)} (${s.moments.length})</li>`).join('')}</ul>`;
  return `${stepChart({ title: 'Accounts qualified and deals opened, cumulative, by day', from, to, series })}${legend}`;
}

function topAccounts(model: ScoredModel, against: ScoredModel | undefined): string {
  const before = new Map(against?.whatIf.accounts.map((account) => [account.key, account]) ?? []);
  const rows = model.whatIf.accounts.slice(0, TOP_ACCOUNTS).map((account, index) => {
    const tier = account.current.tier;
    const other = before.get(account.key);
    const underA =
      against === undefined
        ? ''
        : `<td>${other === undefined ? '—' : `${other.current.score} ${e(other.current.tier)}<br><small>${e(formatMoment(other.qualification?.at)) || 'not qualified'}</small>`}</td>`;
    return (
      `<tr class="account"><td>${index + 1}</td><td><strong>${e(account.name)}</strong><br><small>${e(account.key)} · ${account.members} users</small></td>` +
      `<td class="score">${account.current.score}</td><td><span class="tier" style="background:${tierColor(model.config.accountTiers, account.current.score)}">${e(tier)}</span></td>` +
      `<td class="when">${e(formatMoment(account.qualification?.at)) || 'not qualified'}${account.qualification ? `<br><small>at ${account.qualification.score} ${e(account.qualification.tier)}</small>` : ''}</td>` +
      `<td class="when">${e(formatMoment(account.dealAt)) || '—'}</td>${underA}<td class="why">${why(account)}</td></tr>`
    );
  });
  const headA = against === undefined ? '' : '<th>Under A</th>';
  return `<table class="accounts"><thead><tr><th>#</th><th>Account</th><th>Score</th><th>Tier</th><th>Qualified (UTC)</th><th>Deal (UTC)</th>${headA}<th>Why</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function why(account: AccountOutcome): string {
  const score: AccountScore = account.current;
  const users = score.topUsers.users.map(
    (user) =>
      `<li>${e(user.name ?? user.user)} <b>${user.score}</b> ×${user.rankWeight}% → +${round(user.points)}${user.signals.length > 0 ? ` <small>(${e(user.signals.join(', '))})</small>` : ''}</li>`,
  );
  const missing = score.featureBreadth.signals.filter((signal) => signal.credit === 0).map((signal) => signal.label);
  const fit = score.fit.factors.map(
    (factor) =>
      `<li class="${factor.met ? 'met' : 'unmet'}">${e(factor.label)}: ${e(factor.value ?? 'not reported')} → +${factor.points}</li>`,
  );
  return [
    `<p class="explanation">${e(score.explanation)}</p>`,
    `<details><summary>Contributors</summary>`,
    `<p>Top users +${round(score.topUsers.points)} of ${score.topUsers.weight}</p><ul>${users.join('') || '<li>no signals yet</li>'}</ul>`,
    `<p>Active seats ${score.activeSeats.active} of ${score.activeSeats.seats} in ${score.activeSeats.activeWithinDays} days → +${round(score.activeSeats.points)} of ${score.activeSeats.weight}</p>`,
    `<p>Feature breadth ${Math.round(score.featureBreadth.share * 100)}% → +${round(score.featureBreadth.points)} of ${score.featureBreadth.weight}${missing.length > 0 ? `; missing ${e(missing.join(', '))}` : ''}</p>`,
    fit.length > 0 ? `<p>Fit +${score.fit.points}</p><ul>${fit.join('')}</ul>` : '',
    `</details>`,
  ].join('');
}

function changes(comparison: ModelComparison): string {
  const groups: Array<[string, MomentChange[]]> = [
    ['Accounts newly qualified under B', comparison.accounts.newly],
    ['Accounts no longer qualified under B', comparison.accounts.noLonger],
    ['Accounts qualified earlier under B', comparison.accounts.earlier],
    ['Accounts qualified later under B', comparison.accounts.later],
    ['Deals newly opened under B', comparison.deals.newly],
    ['Deals no longer opened under B', comparison.deals.noLonger],
    ['Deals opened earlier under B', comparison.deals.earlier],
    ['Deals opened later under B', comparison.deals.later],
    ['Users newly qualified under B', comparison.users.newly],
    ['Users no longer qualified under B', comparison.users.noLonger],
  ];
  const rows = groups.flatMap(([what, list]) =>
    list.map(
      (change) =>
        `<tr data-change="${e(what)}"><td>${e(what)}</td><td>${e(change.name)}<br><small>${e(change.key)}</small></td><td class="when">${e(formatMoment(change.a)) || 'never'}</td><td class="when">${e(formatMoment(change.b)) || 'never'}</td></tr>`,
    ),
  );
  const counts = groups.map(([what, list]) => `<li>${e(what)}: <b>${list.length}</b></li>`).join('');
  return `<ul class="counts">${counts}</ul><table><thead><tr><th>Change</th><th>Account or user</th><th>A (UTC)</th><th>B (UTC)</th></tr></thead><tbody>${rows.join('') || '<tr><td colspan="4">no changes</td></tr>'}</tbody></table>`;
}

function tierColor(bands: readonly TierBand[], score: number): string {
  const ordered = bandsHighestFirst(bands);
  const index = ordered.findIndex((band) => band.min <= score);
  return TIER_COLORS[Math.min(index < 0 ? ordered.length - 1 : index, TIER_COLORS.length - 1)] ?? '#888';
}

function tierLegend(bands: readonly TierBand[]): string {
  return `<ul class="legend">${bandsHighestFirst(bands)
    .map(
      (band) =>
        `<li><span class="swatch" style="background:${tierColor(bands, band.min)}"></span>${e(band.name)} (from ${band.min})</li>`,
    )
    .join('')}</ul>`;
}

function seriesLegend(models: readonly ScoredModel[]): string {
  return `<ul class="legend">${models.map((model, index) => `<li><span class="swatch" style="background:${SERIES_COLORS[index] ?? '#888'}"></span>${index === 0 ? 'A' : 'B'}: ${e(model.label)}</li>`).join('')}</ul>`;
}

function round(points: number): number {
  return Math.round(points * 10) / 10;
}
