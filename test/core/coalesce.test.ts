import { describe, expect, it } from 'vitest';
import { planBatch, type BatchItem, type PersonWork, type WorkUnit } from '../../src/core/batch/plan.js';
import type { GroupIntent, HandoffIntent, IdentifyIntent, MilestoneIntent, PqlIntent, SignupIntent } from '../../src/core/intents.js';

const at = (day: number, hour = 10) => new Date(Date.UTC(2024, 10, day, hour)).toISOString();
const ada = { email: 'ada@acme.com', userId: 'u-ada' };
const bob = { email: 'bob@bobco.com', userId: 'u-bob' };
const name = (fullName: string) => ({ fullName });

let n = 0;
const id = () => `m${++n}`;
const signup = (person = ada, day = 1, profile: SignupIntent['profile'] = {}): SignupIntent => ({ kind: 'signup', messageId: id(), timestamp: at(day), person, profile: { signupDate: at(day).slice(0, 10), plan: 'trial', ...profile } });
const identify = (person = ada, day = 1, profile: IdentifyIntent['profile'] = {}): IdentifyIntent => ({ kind: 'identify', messageId: id(), timestamp: at(day), person, profile });
const milestone = (m: string, person = ada, day = 2): MilestoneIntent => ({ kind: 'milestone', messageId: id(), timestamp: at(day), person, milestone: m });
const usage = (signals: Record<string, number>, person = ada, day = 3): PqlIntent => ({ kind: 'pql', messageId: id(), timestamp: at(day), person, signals });
const handoff = (person = ada, day = 4): HandoffIntent => ({ kind: 'handoff', messageId: id(), timestamp: at(day), person, eventName: 'Demo Requested' });
const group = (day: number, company: GroupIntent['company'], signals: Record<string, number> = {}): GroupIntent => ({ kind: 'group', messageId: id(), timestamp: at(day), groupId: 'ws-1', company, signals });
const item = (...intents: Array<Exclude<BatchItem['intents'][number], { kind: 'assertRecord' }>>): BatchItem => ({ intents, messageId: intents[0]?.messageId ?? id() });

const kinds = (units: WorkUnit[]) => units.map((u) => (u.work.kind === 'person' ? `person(${u.work.workflows.join('+')})` : u.work.intent.kind));
const personWork = (unit: WorkUnit | undefined): PersonWork => {
  if (unit?.work.kind !== 'person') throw new Error(`expected person work, got ${JSON.stringify(unit)}`);
  return unit.work;
};

describe('planBatch: coalescing a batch before any request', () => {
  it('merges one person’s signup, milestone and usage into one piece of work that every item contributed to', () => {
    const plan = planBatch([item(signup()), item(milestone('data_imported')), item(usage({ logins_7d: 3 }))]);
    expect(plan.lanes).toHaveLength(1);
    const [unit] = plan.lanes[0] ?? [];
    expect(unit?.items).toEqual([0, 1, 2]);
    expect(personWork(unit)).toMatchObject({ person: { email: 'ada@acme.com' }, workflows: ['signup', 'milestone', 'pql'], linkCompany: true, trialEntry: true, userIds: [] });
  });

  it('keeps different people in different lanes', () => {
    const plan = planBatch([item(signup(ada)), item(signup(bob)), item(milestone('data_imported', ada)), item(milestone('data_imported', bob))]);
    expect(plan.lanes.map((lane) => lane.map((u) => u.items))).toEqual([[[0, 2]], [[1, 3]]]);
  });

  it('latest traits by timestamp win, whatever the input order; absent traits never clear', () => {
    const plan = planBatch([
      item(identify(ada, 5, { name: name('Ada L.'), plan: 'pro' })),
      item(signup(ada, 1, { name: name('Ada Lovelace'), jobTitle: 'CTO', companyName: 'Acme' })),
      item(milestone('data_imported', ada, 6)),
    ]);
    expect(personWork(plan.lanes[0]?.[0]).profile).toEqual({ name: name('Ada L.'), plan: 'pro', jobTitle: 'CTO', companyName: 'Acme', signupDate: '2024-11-01' });
    expect(personWork(plan.lanes[0]?.[0]).timestamp).toBe(at(6));
  });

  it('milestones unite and scores stay in input order (the executor replays the stale-score rule over them)', () => {
    const later = usage({ logins_7d: 1 }, ada, 9);
    const earlier = usage({ integrations_connected: 1 }, ada, 8);
    const plan = planBatch([item(milestone('a')), item(later), item(milestone('b')), item(earlier), item(milestone('a'))]);
    const work = personWork(plan.lanes[0]?.[0]);
    expect(work.milestones.map((m) => m.milestone)).toEqual(['a', 'b', 'a']);
    expect(work.scores).toEqual([later, earlier]);
  });

  it('an identify with signals (two intents of one item) is one piece of work', () => {
    const plan = planBatch([item(identify(ada, 1), usage({ logins_7d: 9 }, ada, 1))]);
    expect(plan.lanes[0]?.map((u) => u.items)).toEqual([[0]]);
    expect(personWork(plan.lanes[0]?.[0]).userIds).toEqual(['u-ada']);
  });

  it('a handoff is a barrier: it runs alone, in place, and nothing merges across it', () => {
    const plan = planBatch([item(signup()), item(usage({ logins_7d: 1 })), item(handoff()), item(milestone('a')), item(milestone('b'))]);
    expect(kinds(plan.lanes[0] ?? [])).toEqual(['person(signup+pql)', 'handoff', 'person(milestone)']);
  });

  it('a signup without an email runs alone (it is rejected on its own)', () => {
    const plan = planBatch([item(signup({ userId: 'u-ada' } as typeof ada)), item(milestone('a', { userId: 'u-ada' } as typeof ada)), item(milestone('b', { userId: 'u-ada' } as typeof ada))]);
    expect(kinds(plan.lanes[0] ?? [])).toEqual(['signup', 'person(milestone)']);
    expect(personWork(plan.lanes[0]?.[1]).person).toEqual({ userId: 'u-ada' });
  });

  it('a single intent stays the plain intent (a batch of one costs what one event costs)', () => {
    const intent = milestone('a');
    expect(planBatch([item(intent)]).lanes).toEqual([[{ work: { kind: 'intent', intent }, items: [0] }]]);
  });

  it('group calls of one account merge: latest traits win, the latest signals as a set', () => {
    const plan = planBatch([
      item(group(3, { name: 'Acme Inc', domain: 'acme.com', plan: 'pro' }, { logins_7d: 9 })),
      item(group(1, { name: 'Acme', domain: 'acme.com' }, { team_invites: 1 })),
      item(group(4, { domain: 'acme.com' })),
    ]);
    const [unit] = plan.lanes[0] ?? [];
    expect(unit?.items).toEqual([0, 1, 2]);
    expect(unit?.work).toMatchObject({ kind: 'intent', intent: { kind: 'group', timestamp: at(4), company: { name: 'Acme Inc', domain: 'acme.com', plan: 'pro' }, signals: { logins_7d: 9 } } });
  });

  it('a repeated messageId runs once and shares the first item’s result', () => {
    const first = signup();
    const plan = planBatch([item(first), item(milestone('a')), { intents: [first], messageId: first.messageId }]);
    expect(plan.duplicateOf).toEqual(new Map([[2, 0]]));
    expect(plan.lanes[0]?.[0]?.items).toEqual([0, 1]);
  });

  it('items without intents (untracked events) get no work', () => {
    expect(planBatch([{ intents: [], messageId: 'x' }]).lanes).toEqual([]);
  });
});
