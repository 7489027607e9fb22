/**
 * Batch coalescing, as a pure planning step: the intents of a batch in, a plan of work out, before any
 * request. Items are de-duplicated by messageId and split into lanes (one person or account each, run in
 * order; lanes run in parallel). Inside a lane, the intents about one person merge into one piece of
 * `PersonWork` — latest traits by timestamp win, milestones unite, scores are kept in order so that the
 * executor can apply exactly what one-by-one processing would — and group calls of one account merge into
 * one group intent. Intents whose effect depends on what ran before them (handoffs, group calls that link a
 * person, assertRecord, events without an email to assert on) are barriers: they run alone, in place, and
 * nothing merges across them.
 */
import type { GroupIntent, IdentifyIntent, MilestoneIntent, PersonKey, PersonName, PqlIntent, SignupIntent } from '../intents.js';
import type { WorkflowIntent, WorkflowName } from '../workflows/index.js';

export interface BatchItem {
  intents: readonly WorkflowIntent[];
  messageId?: string;
}

/** Person attributes the merged work writes, each from the latest event (by timestamp) that carried it. */
export interface MergedProfile {
  name?: PersonName;
  jobTitle?: string;
  plan?: string;
  /** YYYY-MM-DD, from signups only (as the signup workflow writes it). */
  signupDate?: string;
  signupSource?: string;
  /** The company's name, for the company of the person's email domain. */
  companyName?: string;
}

/** Everything a batch asks of one person, applied with one person assert and at most one update. */
export interface PersonWork {
  kind: 'person';
  /** The email when there is one (identify and signup work always has one), else the userId. */
  person: PersonKey;
  /** The latest timestamp of the contributing intents. */
  timestamp: string;
  profile: MergedProfile;
  /** An identify or signup contributed: assert the company of the email domain and link the person to it. */
  linkCompany: boolean;
  /** The identifies' user ids, for the `users` object (in order, without repeats). */
  userIds: string[];
  /** A signup contributed: assert the trial list entry. */
  trialEntry: boolean;
  /** In input order. */
  milestones: MilestoneIntent[];
  /** In input order: the executor replays the stale-score rule over them as one-by-one processing would. */
  scores: PqlIntent[];
  /** The workflows that contributed, in order of first appearance: one outcome each. */
  workflows: WorkflowName[];
}

export type Work = { kind: 'intent'; intent: WorkflowIntent } | PersonWork;

export interface WorkUnit {
  work: Work;
  /** The batch items (indexes) whose intents this unit applies. */
  items: number[];
}

export interface BatchPlan {
  /** Each lane's units, to run in order. */
  lanes: WorkUnit[][];
  /** For a repeated messageId: the index of the item whose result it shares. */
  duplicateOf: Map<number, number>;
}

type Contribution = { intent: WorkflowIntent; item: number };

/** Plans a batch. `laneOf` names who an item is about; items without a lane get one of their own. */
export function planBatch(items: readonly BatchItem[], laneOf: (item: BatchItem) => string | undefined = intentLaneKey): BatchPlan {
  const duplicateOf = new Map<number, number>();
  const firstByMessageId = new Map<string, number>();
  const lanes = new Map<string, Contribution[]>();
  items.forEach((item, index) => {
    if (item.messageId !== undefined) {
      const first = firstByMessageId.get(item.messageId);
      if (first !== undefined) {
        duplicateOf.set(index, first);
        return;
      }
      firstByMessageId.set(item.messageId, index);
    }
    if (item.intents.length === 0) return;
    const key = laneOf(item) ?? `#${index}`;
    let lane = lanes.get(key);
    if (!lane) lanes.set(key, (lane = []));
    for (const intent of item.intents) lane.push({ intent, item: index });
  });
  return { lanes: [...lanes.values()].map(planLane), duplicateOf };
}

function planLane(contributions: readonly Contribution[]): WorkUnit[] {
  const units: WorkUnit[] = [];
  let segment = new Map<string, Contribution[]>();
  const flush = () => {
    for (const group of segment.values()) units.push(mergeGroup(group));
    segment = new Map();
  };
  for (const contribution of contributions) {
    const key = mergeKey(contribution.intent);
    if (key === undefined) {
      flush();
      units.push({ work: { kind: 'intent', intent: contribution.intent }, items: [contribution.item] });
      continue;
    }
    const group = segment.get(key);
    if (group) group.push(contribution);
    else segment.set(key, [contribution]);
  }
  flush();
  return units;
}

/** Which intents merge with which; undefined for a barrier. */
function mergeKey(intent: WorkflowIntent): string | undefined {
  switch (intent.kind) {
    case 'identify':
    case 'signup':
      return intent.person.email === undefined ? undefined : `person:${intent.person.email}`;
    case 'milestone':
    case 'pql':
      return intent.person.email !== undefined ? `person:${intent.person.email}` : `user:${intent.person.userId ?? ''}`;
    case 'group':
      return intent.person === undefined ? `group:${intent.groupId}\n${intent.company.domain ?? ''}` : undefined;
    case 'handoff':
    case 'assertRecord':
      return undefined;
  }
}

function mergeGroup(group: readonly Contribution[]): WorkUnit {
  const items = [...new Set(group.map((c) => c.item))];
  const [only] = group;
  if (group.length === 1 && only) return { work: { kind: 'intent', intent: only.intent }, items };
  const intents = group.map((c) => c.intent);
  if (intents.every((i): i is GroupIntent => i.kind === 'group')) return { work: { kind: 'intent', intent: mergeGroupIntents(intents) }, items };
  return { work: mergePersonIntents(intents as Array<IdentifyIntent | SignupIntent | MilestoneIntent | PqlIntent>), items };
}

/** Intents ordered by timestamp (stable: equal timestamps keep input order), so later ones override earlier. */
function byTime<T extends { timestamp: string }>(intents: readonly T[]): T[] {
  return intents
    .map((intent, order) => ({ intent, order, at: Date.parse(intent.timestamp) }))
    .sort((a, b) => a.at - b.at || a.order - b.order)
    .map((x) => x.intent);
}

function latestTimestamp(intents: ReadonlyArray<{ timestamp: string }>): string {
  return last(byTime(intents))?.timestamp ?? '';
}

function mergePersonIntents(intents: ReadonlyArray<IdentifyIntent | SignupIntent | MilestoneIntent | PqlIntent>): PersonWork {
  const profile: MergedProfile = {};
  for (const intent of byTime(intents)) Object.assign(profile, profileWrittenBy(intent));
  const email = intents.find((i) => i.person.email !== undefined)?.person.email;
  const userId = intents.find((i) => i.person.userId !== undefined)?.person.userId;
  const userIds = new Set<string>();
  for (const intent of intents) if (intent.kind === 'identify' && intent.person.userId !== undefined) userIds.add(intent.person.userId);
  return {
    kind: 'person',
    person: email !== undefined ? { email } : { userId: userId ?? '' },
    timestamp: latestTimestamp(intents),
    profile,
    linkCompany: intents.some((i) => i.kind === 'identify' || i.kind === 'signup'),
    userIds: [...userIds],
    trialEntry: intents.some((i) => i.kind === 'signup'),
    milestones: intents.filter((i): i is MilestoneIntent => i.kind === 'milestone'),
    scores: intents.filter((i): i is PqlIntent => i.kind === 'pql'),
    workflows: [...new Set(intents.map((i) => i.kind))],
  };
}

/** What each workflow writes to the person (and the company name), as its own run would. */
function profileWrittenBy(intent: IdentifyIntent | SignupIntent | MilestoneIntent | PqlIntent): MergedProfile {
  switch (intent.kind) {
    case 'signup':
      return definedOnly({
        name: intent.profile.name,
        jobTitle: intent.profile.jobTitle,
        plan: intent.profile.plan,
        signupDate: intent.profile.signupDate,
        signupSource: intent.profile.signupSource,
        companyName: intent.profile.companyName,
      });
    case 'identify':
      return definedOnly({ name: intent.profile.name, jobTitle: intent.profile.jobTitle, plan: intent.profile.plan, companyName: intent.profile.companyName });
    case 'milestone':
    case 'pql':
      return definedOnly({ name: intent.name });
  }
}

/** One group call for an account: latest traits win, the latest signals (as a set) give the account score. */
function mergeGroupIntents(intents: readonly GroupIntent[]): GroupIntent {
  const ordered = byTime(intents);
  const latest = last(ordered) as GroupIntent;
  const company: GroupIntent['company'] = {};
  for (const intent of ordered) Object.assign(company, definedOnly(intent.company));
  const signals = last(ordered.filter((i) => Object.keys(i.signals).length > 0))?.signals ?? {};
  return { ...latest, company, signals };
}

function last<T>(items: readonly T[]): T | undefined {
  return items[items.length - 1];
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Who a batch item is about, for its lane: the user id, else the email, else the group. */
export function intentLaneKey(item: BatchItem): string | undefined {
  for (const intent of item.intents) {
    if (intent.kind === 'assertRecord') continue;
    const person = intent.person;
    const key = person?.userId ?? person?.email ?? (intent.kind === 'group' ? intent.groupId : undefined);
    if (key !== undefined) return key.toLowerCase();
  }
  return undefined;
}
