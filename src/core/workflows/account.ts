/**
 * The account roll-up (PQA) in the workflows: when a person's signals change, or a group call describes the
 * company, the account's score is computed from what Attio holds — the company (its fit attributes, its
 * group signals, the score stored last) and its people (each one's stored signals, report time and last
 * activity) — with this lane's own people as they are about to be written. Nothing is kept between events
 * or processes, so any process computes the same score from the same CRM. The company is written only when
 * its tier, qualification or facts change or its score moves enough (./account-facts.ts), once per lane; the
 * first qualification opens the account's deal when `dealTrigger` says so, and `account_qualified_at` goes
 * out last, as the completion marker.
 */
import { attioRequests } from '../attio/requests.js';
import { recordSchema } from '../attio/schemas.js';
import { readEmails, recordIdOf } from '../attio/values.js';
import type { PlgConfig } from '../config/index.js';
import type { GroupIntent } from '../intents.js';
import {
  scoreAccount,
  tierOf,
  type AccountMember,
  type AccountScore,
  type CompanyFacts,
  type SignalReport,
} from '../scoring/index.js';
import {
  ACCOUNT_ATTRIBUTES,
  changedAccountValues,
  holding,
  holdingAfterWrite,
  parseSignals,
  readStoredAccount,
  type AccountWrite,
  type StoredAccount,
} from './account-facts.js';
import { openAccountDeal, type AccountPerson } from './account-deal.js';
import type { WorkflowLane, WorkflowRun } from './context.js';
import { companyDomainForEmail, companyRef, ensureCompany } from './people.js';
import { readPersonFacts, type PersonFacts } from './person-facts.js';
import type { PersonState } from './person-state.js';
import { heldByReps, withoutHeld } from './ownership.js';
import { raiseTierChangeTask } from './tier-tasks.js';

/** The read budget of one roll-up: at most this many people (pages of 100) are read per account. */
export const MAX_ACCOUNT_PEOPLE = 500;
const PAGE_SIZE = 100;

/** Whether the workflows roll accounts up: when asked to, or when an account's qualification opens deals. */
export function accountScoringOn(config: Pick<PlgConfig, 'accountScoring' | 'dealTrigger'>): boolean {
  return config.accountScoring || config.dealTrigger !== 'user';
}

/**
 * What a batch read of a company, and what the roll-ups of its lanes decided since: each roll-up builds on
 * the one before it, in whichever of the batch's lanes it ran, rather than on a re-read. A lane's end writes
 * what the batch decided beyond what the lanes that ended before it already wrote, so people of one account
 * in one batch cost one write of it, not one each (queueAccountWrites).
 */
interface BatchAccount {
  /** After the batch's latest roll-up. */
  decided: StoredAccount;
  /** What the company holds once the writes the batch's lanes deferred land: at first, what was read. */
  queued: StoredAccount;
  /** The company's attributes a rep last set and the product does not own (./ownership.ts): never written. */
  held: ReadonlySet<string>;
  /** The lanes whose roll-ups changed `decided` and whose end is still to come. */
  lanes: Set<WorkflowLane>;
  /** The account's people as the batch's lanes last had them (by record id): newer than Attio holds yet. */
  members: Map<string, AccountMember>;
}
const batches = new WeakMap<object, Map<string, BatchAccount>>();

/** After a person's signals changed: their account's roll-up (none for a person without a company). */
export async function rollUpPersonAccount(run: WorkflowRun, state: PersonState, at: string): Promise<void> {
  let companyId = state.facts.companyId;
  const domain = companyDomainForEmail(run, state.email);
  if (companyId === undefined && domain !== undefined) {
    companyId = await ensureCompany(run, domain, {}, at);
    state.set('companyId', companyId, at);
  }
  if (companyId === undefined) {
    run.step('scoreAccount', 'skipped', state.id, 'no company: a free-mail address makes no account');
    return;
  }
  await rollUp(run, companyId, at);
}

/** After a group call: the company's fit attributes and signals, and the roll-up they change. */
export async function rollUpGroupAccount(run: WorkflowRun, companyId: string, intent: GroupIntent): Promise<void> {
  await rollUp(run, companyId, intent.timestamp, groupAccountFacts(intent));
}

/** What a group call says of the account: its fit facts and, when it carries any, its own signals. */
export interface GroupFacts {
  facts: CompanyFacts;
  report?: SignalReport;
}

export function groupAccountFacts(intent: GroupIntent): GroupFacts {
  const { industry, employeeRange, country } = intent.company;
  const facts: CompanyFacts = {
    ...(industry === undefined ? {} : { industry }),
    ...(employeeRange === undefined ? {} : { employeeRange }),
    ...(country === undefined ? {} : { country }),
  };
  const signals = Object.keys(intent.signals).length > 0 ? intent.signals : undefined;
  return { facts, ...(signals === undefined ? {} : { report: { at: intent.timestamp, signals } }) };
}

async function rollUp(run: WorkflowRun, companyId: string, at: string, group?: GroupFacts): Promise<void> {
  const { ctx } = run;
  // One account's people run in parallel lanes: each roll-up sees the writes the one before it decided.
  await ctx.locks.run(`account:${companyId}`, async () => {
    const accounts = batches.get(run.lane.batch) ?? new Map<string, BatchAccount>();
    batches.set(run.lane.batch, accounts);
    let account = accounts.get(companyId);
    if (account === undefined) {
      const company = await ctx.client.getRecord('companies', companyId);
      const read = readStoredAccount(company);
      const held = heldByReps(ctx.config, 'companies', company);
      account = { decided: read, queued: read, held, lanes: new Set(), members: new Map() };
      accounts.set(companyId, account);
    }
    const stored = account.decided;
    const wanted = groupWrite(stored, at, group, account.held);
    const people = await peopleOf(run, companyId, account.members);
    const facts = { ...stored.facts, ...wanted.facts };
    const report = wanted.report ?? stored.report;
    // As of the latest moment Attio knows of: another process may already have stored later reports, and a
    // score that mixed them with this event's older clock would count them undecayed against older ones.
    const latestKnown =
      latest(at, report?.at, ...people.flatMap(({ member }) => [member.report?.at, member.lastActiveAt])) ?? at;
    const now = new Date(Date.parse(latestKnown)).toISOString();
    const score = scoreAccount(
      { facts, ...(report ? { accountReport: report } : {}), members: people.map((p) => p.member) },
      ctx.config,
      now,
    );
    const older = stored.scoredAt !== undefined && Date.parse(now) < Date.parse(stored.scoredAt);
    // An account is first written once it is above the lowest tier (or qualifies): most accounts never warm
    // up, and a score for each of them would be most of the account path's writes. Once written, it is kept
    // up to date, back down to the lowest tier too.
    const unscored = stored.tier === undefined && stored.score === undefined;
    if (older) {
      run.step('scoreAccount', 'skipped', companyId, `a newer account score (${stored.scoredAt}) is already stored`);
    } else if (unscored && !score.qualified && score.tier === tierOf(0, ctx.config.accountTiers)) {
      run.step(
        'scoreAccount',
        'skipped',
        companyId,
        `${score.score} ${score.tier}: not written until above ${score.tier}`,
      );
    } else {
      Object.assign(wanted, { score: score.score, tier: score.tier, explanation: score.explanation, scoredAt: now });
      run.step(
        'scoreAccount',
        'deferred',
        companyId,
        `${score.score} ${score.tier} (written at the lane's end if changed)`,
      );
      await afterScore(run, stored, score, people, now, wanted);
    }
    account.decided = holding(stored, wanted);
    account.lanes.add(run.lane);
  });
}

/**
 * At a lane's end: one PATCH per company with what the batch's roll-ups decided beyond what is already on its
 * way, going out with the completion writes (after the deal), so `account_qualified_at` lands only once the
 * deal exists. A later lane of the batch writes only what its own roll-ups changed after this one.
 */
export async function queueAccountWrites(run: WorkflowRun): Promise<void> {
  for (const account of batches.get(run.lane.batch)?.values() ?? []) {
    if (!account.lanes.delete(run.lane)) continue;
    // Another lane of the batch that changed the score is still running: the last of them writes it all.
    if (account.lanes.size > 0) continue;
    const { decided, held } = account;
    const queued = sinceOwnWrites(run, account.queued);
    const wanted = asWrite(decided);
    const changes = withoutHeld(changedAccountValues(queued, wanted), held);
    if (Object.keys(changes).length === 0) continue;
    // Before any await: a lane ending meanwhile then writes only what this write does not carry.
    account.queued = holdingAfterWrite(queued, wanted, changes);
    const prepared = await run.prepare('companies', changes);
    if (Object.keys(prepared).length === 0) continue;
    run.defer(
      {
        request: attioRequests.updateRecord('companies', queued.companyId, prepared),
        stage: 'completion',
        op: 'updateAccount',
        onSent: (data) => rememberOwnWrite(run, data),
      },
      queued.companyId,
      Object.keys(prepared).join(', '),
    );
  }
}

/**
 * What the batch read, or what this process's own later write of the account left in Attio when that is
 * newer: batches running side by side in one process (a backfill's partitions) then do not each write the
 * same move. Only writes this process sent and Attio answered count; a platform's deliveries are not seen.
 */
function sinceOwnWrites(run: WorkflowRun, queued: StoredAccount): StoredAccount {
  const own = run.ctx.records.accounts.get(queued.companyId);
  if (own?.scoredAt === undefined) return queued;
  if (queued.scoredAt !== undefined && Date.parse(own.scoredAt) <= Date.parse(queued.scoredAt)) return queued;
  return holding(queued, own);
}

function rememberOwnWrite(run: WorkflowRun, data: unknown): void {
  const record = recordSchema.safeParse(data);
  if (!record.success) return;
  const { companyId, score, tier, explanation, scoredAt, qualifiedAt } = readStoredAccount(record.data);
  run.ctx.records.accounts.set(companyId, { score, tier, explanation, scoredAt, qualifiedAt });
}

function asWrite(account: StoredAccount): AccountWrite {
  const { companyId: _companyId, name: _name, domain: _domain, ...write } = account;
  return write;
}

/** The group call's facts and signals to write; from an event older than the company's last change, only what is missing. */
function groupWrite(
  stored: StoredAccount,
  at: string,
  group: GroupFacts | undefined,
  held: ReadonlySet<string>,
): AccountWrite {
  if (group === undefined) return {};
  const stale = stored.updatedAt !== undefined && Date.parse(at) < Date.parse(stored.updatedAt);
  const facts: CompanyFacts = {};
  for (const key of ['industry', 'employeeRange', 'country'] as const) {
    // A fact a rep corrected stays theirs, and the fit part scores the rep's value.
    if (held.has(ACCOUNT_ATTRIBUTES[key])) continue;
    const value = group.facts[key];
    if (value !== undefined && (!stale || stored.facts[key] === undefined)) Object.assign(facts, { [key]: value });
  }
  const newer =
    group.report !== undefined &&
    (stored.report === undefined || Date.parse(group.report.at) >= Date.parse(stored.report.at));
  // The guard only moves forward: a late event that fills a missing fact leaves it where it was.
  const updatedAt = stale ? stored.updatedAt : at;
  return { facts, ...(newer && group.report ? { report: group.report } : {}), ...(updatedAt ? { updatedAt } : {}) };
}

/** The first qualification (the deal, when the account's qualification opens it) and a tier change's task. */
async function afterScore(
  run: WorkflowRun,
  stored: StoredAccount,
  score: AccountScore,
  people: readonly AccountPerson[],
  at: string,
  wanted: AccountWrite,
): Promise<void> {
  const { config } = run.ctx;
  if (score.qualified && stored.qualifiedAt === undefined) {
    if (config.dealTrigger !== 'user') await openAccountDeal(run, stored, score, people, at);
    wanted.qualifiedAt = at;
  }
  if (stored.tier !== undefined && stored.tier !== score.tier) {
    await raiseTierChangeTask(run, {
      subject: 'accounts',
      name: stored.name ?? stored.domain ?? 'Account',
      from: stored.tier,
      to: score.tier,
      score: score.score,
      explanation: score.explanation,
      at,
      linkedObject: 'companies',
      linkedRecordId: stored.companyId,
      ownerKey: stored.domain ?? stored.companyId,
    });
  }
}

/**
 * The account's people as members of the roll-up: read from Attio (up to MAX_ACCOUNT_PEOPLE), with those the
 * batch's lanes know — whose writes are still to go out — as the lanes last had them; this lane's own people
 * are remembered for the batch's later roll-ups.
 */
async function peopleOf(
  run: WorkflowRun,
  companyId: string,
  batchMembers: Map<string, AccountMember>,
): Promise<AccountPerson[]> {
  const inLane = run.lane.everyone().filter((state) => state.facts.companyId === companyId);
  const laneIds = new Set(inLane.flatMap((state) => (state.id === undefined ? [] : [state.id])));
  const people: AccountPerson[] = [];
  let read = 0;
  for await (const record of run.ctx.client.queryAllRecords(
    'people',
    { filter: { company: companyRef(companyId) } },
    PAGE_SIZE,
  )) {
    if (++read > MAX_ACCOUNT_PEOPLE) {
      run.warn(
        `an account has more than ${MAX_ACCOUNT_PEOPLE} people; its score counts the first ${MAX_ACCOUNT_PEOPLE}`,
      );
      break;
    }
    const personId = recordIdOf(record);
    if (laneIds.has(personId) || batchMembers.has(personId)) continue;
    const facts = readPersonFacts(record);
    people.push({ member: memberOf(facts, readEmails(record)[0] ?? personId), personId });
  }
  for (const [personId, member] of batchMembers) if (!laneIds.has(personId)) people.push({ member, personId });
  for (const state of inLane) {
    const member = memberOf(state.facts, state.email ?? state.id ?? 'unknown');
    if (state.id !== undefined) batchMembers.set(state.id, member);
    people.push({ member, state });
  }
  return people;
}

function memberOf(facts: PersonFacts, user: string): AccountMember {
  const signals = parseSignals(facts.pqlSignals);
  const lastActiveAt = latest(facts.lastActivityDate, facts.pqlScoredAt);
  return {
    user,
    ...(facts.name ? { name: facts.name.fullName } : {}),
    ...(signals !== undefined && facts.pqlScoredAt !== undefined ? { report: { at: facts.pqlScoredAt, signals } } : {}),
    ...(lastActiveAt === undefined ? {} : { lastActiveAt }),
  };
}

function latest(...times: Array<string | undefined>): string | undefined {
  let best: string | undefined;
  for (const time of times) {
    if (time !== undefined && (best === undefined || Date.parse(time) > Date.parse(best))) best = time;
  }
  return best;
}
