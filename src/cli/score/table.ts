/**
 * The score command's text output: what a run found (who qualifies, when, at which tier, and why) and,
 * with two models, what changes between them. Times are UTC, to the minute.
 */
import { bandsHighestFirst } from '../../core/scoring/index.js';
import type { ModelComparison, MomentChange, MomentComparison } from './compare.js';
import type { EventCounts } from './events.js';
import type { ScoredModel } from './run.js';
import type { AccountOutcome, UserOutcome } from './what-if.js';

/** Rows listed before "and N more". */
const LISTED = 20;

export function renderRun(run: ScoredModel, counts: EventCounts, file: string): string {
  const { config, whatIf } = run;
  const qualifiedAccounts = whatIf.accounts
    .filter((account) => account.qualification !== undefined)
    .sort(byQualification);
  const qualifiedUsers = whatIf.users.filter((user) => user.qualification !== undefined).sort(byQualification);
  const deals = whatIf.accounts.filter((account) => account.dealAt !== undefined).length;
  const lines = [
    `Model ${run.label}: ${file} as of ${formatMoment(whatIf.asOf)} UTC`,
    `  ${describeCounts(counts)}${whatIf.later > 0 ? `; ${whatIf.later} after the as-of moment left out` : ''}`,
    `  ${describeModel(run)}`,
    `  Users: ${qualifiedUsers.length} of ${whatIf.users.length} qualified; now ${tierCounts(
      whatIf.users.map((u) => u.tier),
      config.userTiers,
    )}`,
    `  Accounts: ${qualifiedAccounts.length} of ${whatIf.accounts.length} qualified; now ${tierCounts(
      whatIf.accounts.map((a) => a.current.tier),
      config.accountTiers,
    )}`,
    `  Deals (on ${config.dealTrigger === 'both' ? 'user or account' : config.dealTrigger} qualification): ${deals} accounts`,
    '',
    `Qualified accounts (${qualifiedAccounts.length}), by when they qualified:`,
    ...table(
      ['Qualified (UTC)', 'Account', 'Score', 'Tier', 'Now', 'Top contributors'],
      qualifiedAccounts
        .slice(0, LISTED)
        .map((account) => [
          formatMoment(account.qualification?.at),
          `${account.name} (${account.key})`,
          String(account.qualification?.score ?? ''),
          account.qualification?.tier ?? '',
          `${account.current.score} ${account.current.tier}`,
          topContributors(account),
        ]),
    ),
    ...more(qualifiedAccounts.length),
    '',
    `Top accounts now, with why:`,
    ...whatIf.accounts
      .slice(0, 5)
      .flatMap((account) => [
        `  ${account.name} (${account.key}): ${account.current.score} ${account.current.tier}`,
        `    ${account.current.explanation}`,
      ]),
    '',
    `Qualified users (${qualifiedUsers.length}), by when they qualified:`,
    ...table(
      ['Qualified (UTC)', 'User', 'Account', 'Score', 'Tier', 'Now'],
      qualifiedUsers
        .slice(0, LISTED)
        .map((user) => [
          formatMoment(user.qualification?.at),
          userLabel(user),
          user.account ?? '(no company)',
          String(user.qualification?.score ?? ''),
          user.qualification?.tier ?? '',
          `${user.score} ${user.tier}`,
        ]),
    ),
    ...more(qualifiedUsers.length),
  ];
  return lines.join('\n');
}

export function renderComparison(a: ScoredModel, b: ScoredModel, comparison: ModelComparison): string {
  const row = (what: string, c: MomentComparison): string[] => [
    what,
    String(c.qualifiedA),
    String(c.qualifiedB),
    String(c.newly.length),
    String(c.noLonger.length),
    String(c.earlier.length),
    String(c.later.length),
    String(c.unchanged),
  ];
  return [
    `Model A (${a.label}) against model B (${b.label}):`,
    ...table(
      ['', 'A', 'B', 'Newly', 'No longer', 'Earlier', 'Later', 'Unchanged'],
      [
        row('Users qualified', comparison.users),
        row('Accounts qualified', comparison.accounts),
        row('Deals opened', comparison.deals),
      ],
    ),
    ...changes({ plural: 'accounts', noun: 'Account', verb: 'qualified' }, comparison.accounts),
    ...changes({ plural: 'deals', noun: 'Account', verb: 'opened' }, comparison.deals),
    ...changes({ plural: 'users', noun: 'User', verb: 'qualified' }, comparison.users),
  ].join('\n');
}

interface ChangeWords {
  plural: string;
  noun: string;
  verb: string;
}

function changes({ plural, noun, verb }: ChangeWords, c: MomentComparison): string[] {
  const cells = (change: MomentChange): string[] => [
    `${change.name}${change.name === change.key ? '' : ` (${change.key})`}`,
    formatMoment(change.a) || 'never',
    formatMoment(change.b) || 'never',
    shift(change),
  ];
  const section = (title: string, list: MomentChange[]): string[] =>
    list.length === 0
      ? []
      : [
          '',
          `${title} (${list.length}):`,
          ...table([noun, 'A (UTC)', 'B (UTC)', 'Shift'], list.slice(0, LISTED).map(cells)),
          ...more(list.length),
        ];
  const What = capitalise(plural);
  return [
    ...section(`${What} newly ${verb} under B`, c.newly),
    ...section(`${What} no longer ${verb} under B`, c.noLonger),
    ...section(`${What} ${verb} earlier under B`, c.earlier),
    ...section(`${What} ${verb} later under B`, c.later),
  ];
}

export function describeCounts(counts: EventCounts): string {
  return `Events: ${counts.read} read, ${counts.used} used, ${counts.duplicates} redeliveries, ${counts.ignored} not in the tracking plan, ${counts.rejected} rejected`;
}

function describeModel({ config }: ScoredModel): string {
  const model = config.accountModel;
  const fit = Object.entries(model.fit)
    .filter(([, factor]) => factor.weight > 0)
    .map(([name, factor]) => `${name} ${factor.weight}`);
  const decay = config.decayHalfLifeDays === null ? 'no decay' : `half-life ${config.decayHalfLifeDays} days`;
  const parts = [
    `top users ${model.topUsers.weight}`,
    `active seats ${model.activeSeats.weight}`,
    `feature breadth ${model.featureBreadth.weight}`,
    ...(fit.length > 0 ? [`fit: ${fit.join(', ')}`] : ['no fit']),
  ];
  return `Users qualify at ${config.pqlThreshold}, accounts at ${config.accountThreshold} (${parts.join(', ')}); ${decay}`;
}

function tierCounts(tiers: readonly string[], bands: ScoredModel['config']['userTiers']): string {
  return bandsHighestFirst(bands)
    .map((band) => `${band.name} ${tiers.filter((tier) => tier === band.name).length}`)
    .join(', ');
}

function topContributors(account: AccountOutcome): string {
  const users = account.current.topUsers.users.map((user) => `${user.name ?? user.user} ${user.score}`);
  const fit = account.current.fit.factors
    .filter((factor) => factor.met)
    .map((factor) => `${factor.label} ${factor.value ?? ''}`);
  return [users.join(', ') || 'no signals', ...(fit.length > 0 ? [`fit: ${fit.join(', ')}`] : [])].join('; ');
}

function userLabel(user: UserOutcome): string {
  return user.name === undefined ? user.key : `${user.name} <${user.key}>`;
}

function byQualification(
  a: { qualification?: { at: string }; key: string },
  b: { qualification?: { at: string }; key: string },
): number {
  return (a.qualification?.at ?? '').localeCompare(b.qualification?.at ?? '') || a.key.localeCompare(b.key);
}

/** `2024-11-06T14:03:22.000Z` -> `2024-11-06 14:03`; undefined -> ''. */
export function formatMoment(iso: string | undefined): string {
  return iso === undefined ? '' : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

function shift(change: MomentChange): string {
  if (change.a === undefined || change.b === undefined) return '';
  const days = (Date.parse(change.b) - Date.parse(change.a)) / 86_400_000;
  return `${days > 0 ? '+' : ''}${days.toFixed(1)} d`;
}

function more(total: number): string[] {
  return total > LISTED ? [`  and ${total - LISTED} more`] : [];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Columns padded to their widest cell (cells cut at 60 characters), indented two spaces. */
function table(headers: readonly string[], rows: readonly string[][]): string[] {
  if (rows.length === 0) return ['  (none)'];
  const cut = (cell: string): string => (cell.length > 60 ? `${cell.slice(0, 59)}…` : cell);
  const cells = [headers, ...rows].map((row) => row.map(cut));
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  return cells.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}`.trimEnd());
}
