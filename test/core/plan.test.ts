import { describe, expect, it } from 'vitest';
import { planBatch, type BatchItem } from '../../src/core/batch/plan.js';
import type { GroupIntent, MilestoneIntent, SignupIntent } from '../../src/core/intents.js';

const at = (day: number) => new Date(Date.UTC(2024, 10, day, 10)).toISOString();
const ada = { email: 'ada@acme.com', userId: 'u-ada' };
const bob = { email: 'bob@bobco.com', userId: 'u-bob' };
let n = 0;
const signup = (person = ada): SignupIntent => ({
  kind: 'signup',
  messageId: `m${++n}`,
  timestamp: at(1),
  person,
  profile: {},
});
const milestone = (person = ada): MilestoneIntent => ({
  kind: 'milestone',
  messageId: `m${++n}`,
  timestamp: at(2),
  person,
  milestone: 'data_imported',
});
const group = (groupId: string): GroupIntent => ({
  kind: 'group',
  messageId: `m${++n}`,
  timestamp: at(3),
  groupId,
  company: {},
  signals: {},
});
const item = (
  intent: BatchItem['intents'][number],
  messageId = intent.kind === 'assertRecord' ? undefined : intent.messageId,
): BatchItem => ({ intents: [intent], ...(messageId ? { messageId } : {}) });

describe('planBatch: lanes before any request', () => {
  it('puts one person’s items in one lane, in input order, and different people in different lanes', () => {
    const plan = planBatch([item(signup(ada)), item(signup(bob)), item(milestone(ada)), item(milestone(bob))]);
    expect(plan.lanes).toEqual([
      [0, 2],
      [1, 3],
    ]);
  });

  it('keys a lane by the user id, so an event without the email stays with the person’s others', () => {
    const plan = planBatch([item(signup(ada)), item(milestone({ userId: 'u-ada' } as typeof ada))]);
    expect(plan.lanes).toEqual([[0, 1]]);
  });

  it('gives a group call without a person the account’s own lane', () => {
    const plan = planBatch([item(group('ws-1')), item(signup(ada)), item(group('ws-1'))]);
    expect(plan.lanes).toEqual([[0, 2], [1]]);
  });

  it('runs a repeated messageId once: the repeat shares the first item’s result and has no lane of its own', () => {
    const first = signup(ada);
    const plan = planBatch([item(first), item(milestone(ada)), item({ ...first })]);
    expect(plan.lanes).toEqual([[0, 1]]);
    expect([...plan.duplicateOf]).toEqual([[2, 0]]);
  });

  it('leaves out items without intents (ignored events): they need no lane', () => {
    const plan = planBatch([{ intents: [], messageId: 'x' }, item(signup(ada))]);
    expect(plan.lanes).toEqual([[1]]);
  });
});
