import { describe, expect, it } from 'vitest';
import { crmState, handoff, identify, milestone, QUALIFYING, signedUp, usage, useE2E } from '../support/e2e.js';

describe('a new, empty Attio workspace', () => {
  const e2e = useE2E({
    emulator: { seed: 'empty' },
    config: { pqlStage: 'Lead', handoffStage: 'In Progress', salesReps: [] },
  });

  it('every workflow still applies, leaving out what the workspace lacks with warnings', async () => {
    const { engine, reader, warnings } = e2e();
    const events = [
      identify('jane.doe@acme.com', 1, { plan: 'pro' }),
      signedUp('jane.doe@acme.com', 1),
      milestone('jane.doe@acme.com', 'Integration Connected', 2),
      usage('jane.doe@acme.com', 5, QUALIFYING),
      handoff('jane.doe@acme.com', 'Demo Requested', 6, { value: 20000 }),
    ];
    const results = await engine.processBatch(events);
    expect(results.map((r) => [r.status, r.failure?.message])).toEqual(events.map(() => ['applied', undefined]));
    expect(warnings).toEqual(
      expect.arrayContaining([
        'attribute "plan_type" does not exist on people in this Attio workspace; its value was left out',
        'attribute "signup_date" does not exist on people in this Attio workspace; its value was left out',
        'trialList: list "active_trials" does not exist in this Attio workspace; lists: (none); the entry was skipped',
        'milestone "first_integration" is not an option of people.milestones_completed; only its note was written',
        'attribute "pql_score" does not exist on people in this Attio workspace; its value was left out',
      ]),
    );
    const state = await crmState(reader);
    expect(state.deals.map((d) => [d.name, d.stage])).toEqual([
      ['Enterprise Upgrade - acme.com', 'In Progress'],
      ['PQL - acme.com', 'Lead'],
    ]);
    expect(state.notes).toContain('jane.doe@acme.com | Activation Milestone | Milestone: first_integration');
  });

  it('strict mode turns a missing attribute into a configuration error, before any write', async () => {
    const { engine, takeRequests } = e2e();
    (engine.ctx.config as { strict: boolean }).strict = true;
    takeRequests();
    const result = await engine.processEvent(signedUp('jane.doe@acme.com', 1));
    expect(result.failure).toMatchObject({ category: 'config', retryable: false });
    expect(result.failure?.message).toMatch(/does not exist on people .*strict mode/);
    expect(takeRequests().filter((r) => r.method !== 'GET' && !r.path.endsWith('/query'))).toEqual([]);
  });
});
