import { DAY_MS, decayFactor, toEpochMs } from './decay.js';
import { describeFitFactor, scoreFit, type CompanyFacts, type FitResult } from './fit.js';
import { MAX_SCORE } from './model.js';
import { scoreSignals } from './score.js';
import { tierOf } from './tiers.js';
import { roundScore, scoreUser, type ScoringSettings, type SignalReport, type UserScore } from './user.js';

/**
 * The account score (PQA): a roll-up of its users' scores plus its fit, at a given moment (see
 * ./account-model.ts for the parts). Pure and deterministic: the members' order does not matter, and the
 * explanation is data — which users, which signals, which fit factors — as well as one line of text.
 */

export interface AccountMember {
  /** The user's key: their email, else their userId. */
  user: string;
  name?: string;
  /** Their latest signal report, if they sent one. */
  report?: SignalReport;
  /** Their latest event of any kind (ISO 8601), for active seats. */
  lastActiveAt?: string;
}

export interface AccountActivity {
  facts: CompanyFacts;
  /** Account-level signals from group traits: they count toward feature breadth. */
  accountReport?: SignalReport;
  members: readonly AccountMember[];
}

export interface UserContribution {
  user: string;
  name?: string;
  /** Decayed score at the moment scored. */
  score: number;
  /** Percent of the top-users part this rank carries. */
  rankWeight: number;
  points: number;
  /** Labels of the signals this user meets, e.g. `Integration connected`. */
  signals: string[];
}

export interface SignalCoverage {
  key: string;
  label: string;
  /** The best remaining weight (0 to 1) of a report meeting the signal; 0 when nobody meets it. */
  credit: number;
  /** Who meets it with that credit: a user's key, or `account` for group traits. */
  metBy?: string;
}

export interface AccountScore {
  score: number;
  tier: string;
  qualified: boolean;
  topUsers: { weight: number; points: number; users: UserContribution[] };
  activeSeats: { weight: number; points: number; active: number; seats: number; activeWithinDays: number };
  featureBreadth: { weight: number; points: number; share: number; signals: SignalCoverage[] };
  fit: FitResult;
  /** e.g. `Top users +36 (Ada 90 ×50%, …), active seats 4/5 +16, feature breadth 85% +25.5 (missing …), fit +10 (…) — score 87.5/100` */
  explanation: string;
}

export function scoreAccount(
  account: AccountActivity,
  settings: ScoringSettings,
  now: string | number | Date,
): AccountScore {
  const model = settings.accountModel;
  const nowMs = toEpochMs(now);
  const scored = account.members
    .flatMap((member) =>
      member.report === undefined ? [] : [{ member, score: scoreUser(member.report, settings, nowMs) }],
    )
    .sort((a, b) => b.score.score - a.score.score || compareText(a.member.user, b.member.user));

  const users = model.topUsers.rankWeights.flatMap((rankWeight, rank): UserContribution[] => {
    const entry = scored[rank];
    if (entry === undefined) return [];
    const points = (model.topUsers.weight * rankWeight * entry.score.score) / (100 * MAX_SCORE);
    return [
      {
        user: entry.member.user,
        ...nameOf(entry.member),
        score: entry.score.score,
        rankWeight,
        points,
        signals: metLabels(entry.score),
      },
    ];
  });
  const topUsersPoints = users.reduce((sum, user) => sum + user.points, 0);

  const { activeWithinDays, minSeats } = model.activeSeats;
  const seats = account.members.length;
  const active = account.members.filter(
    (member) =>
      member.lastActiveAt !== undefined && nowMs - toEpochMs(member.lastActiveAt) <= activeWithinDays * DAY_MS,
  ).length;
  const activeSeatsPoints = seats === 0 ? 0 : (model.activeSeats.weight * active) / Math.max(seats, minSeats);

  const signals = coverage(account, scored, settings, nowMs);
  const share =
    signals.reduce(
      (sum, signal, index) => sum + signal.credit * (settings.scoringModel.signals[index]?.weight ?? 0),
      0,
    ) / MAX_SCORE;
  const breadthPoints = model.featureBreadth.weight * share;

  const fit = scoreFit(account.facts, model.fit);
  const score = roundScore(topUsersPoints + activeSeatsPoints + breadthPoints + fit.points);
  const result: Omit<AccountScore, 'explanation'> = {
    score,
    tier: tierOf(score, settings.accountTiers),
    qualified: score >= settings.accountThreshold,
    topUsers: { weight: model.topUsers.weight, points: topUsersPoints, users },
    activeSeats: { weight: model.activeSeats.weight, points: activeSeatsPoints, active, seats, activeWithinDays },
    featureBreadth: { weight: model.featureBreadth.weight, points: breadthPoints, share, signals },
    fit,
  };
  return { ...result, explanation: explainAccount(result) };
}

/** For each model signal (in model order), the freshest report that meets it, a user's or the account's own. */
function coverage(
  account: AccountActivity,
  scored: ReadonlyArray<{ member: AccountMember; score: UserScore }>,
  settings: ScoringSettings,
  nowMs: number,
): SignalCoverage[] {
  const sources = scored.map(({ member, score }) => ({ who: member.user, decay: score.decay, met: metKeys(score) }));
  if (account.accountReport !== undefined) {
    const { at, signals } = account.accountReport;
    const met = new Set(
      scoreSignals(signals, settings.scoringModel)
        .contributions.filter((c) => c.met)
        .map((c) => c.key),
    );
    sources.push({ who: 'account', decay: decayFactor(toEpochMs(at), nowMs, settings.decayHalfLifeDays), met });
  }
  return settings.scoringModel.signals.map(({ key, label }) => {
    let best: { who: string; decay: number } | undefined;
    for (const source of sources) {
      if (!source.met.has(key)) continue;
      if (
        best === undefined ||
        source.decay > best.decay ||
        (source.decay === best.decay && compareText(source.who, best.who) < 0)
      )
        best = source;
    }
    return best === undefined ? { key, label, credit: 0 } : { key, label, credit: best.decay, metBy: best.who };
  });
}

function metKeys(score: UserScore): Set<string> {
  return new Set(score.fresh.contributions.filter((c) => c.met).map((c) => c.key));
}

function metLabels(score: UserScore): string[] {
  return score.fresh.contributions.filter((c) => c.met).map((c) => c.label);
}

function nameOf(member: AccountMember): { name?: string } {
  return member.name === undefined ? {} : { name: member.name };
}

function explainAccount(result: Omit<AccountScore, 'explanation'>): string {
  const { topUsers, activeSeats, featureBreadth, fit } = result;
  const users = topUsers.users
    .map((user) => `${user.name ?? user.user} ${formatPoints(user.score)} ×${user.rankWeight}%`)
    .join(', ');
  const missing = featureBreadth.signals.filter((signal) => signal.credit === 0).map((signal) => signal.label);
  const parts = [
    `Top users +${formatPoints(topUsers.points)}${users === '' ? ' (no signals yet)' : ` (${users})`}`,
    `active seats ${activeSeats.active}/${activeSeats.seats} in ${activeSeats.activeWithinDays}d +${formatPoints(activeSeats.points)}`,
    `feature breadth ${Math.round(featureBreadth.share * 100)}% +${formatPoints(featureBreadth.points)}${missing.length === 0 ? '' : ` (missing ${missing.join(', ')})`}`,
  ];
  if (fit.factors.length > 0) parts.push(`fit +${fit.points} (${fit.factors.map(describeFitFactor).join(', ')})`);
  return `${parts.join(', ')} — score ${formatPoints(result.score)}/${MAX_SCORE}`;
}

/** One decimal at most: `36`, `25.5`. */
function formatPoints(points: number): string {
  return String(roundScore(points));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
