import { describe, expect, it } from 'vitest';
import { crmState, signedUp, useE2E } from '../support/e2e.js';

describe('signup workflow on the emulator', () => {
  const e2e = useE2E();

  it('upserts the company by domain, the person linked to it, and the trials list entry', async () => {
    const { engine, reader } = e2e();
    const result = await engine.processEvent(signedUp('jane.doe@acme.com', 1));
    expect(result.status, JSON.stringify(result.failure)).toBe('applied');
    const state = await crmState(reader);
    expect(state.companies).toEqual([{ domain: 'acme.com', name: undefined }]);
    expect(state.people).toEqual([
      {
        email: 'jane.doe@acme.com',
        name: 'Jane Doe',
        company: 'acme.com',
        plan: 'trial',
        pqlScore: undefined,
        pqlTier: undefined,
        milestones: [],
        activation: undefined,
      },
    ]);
    expect(state.entries).toEqual({ active_trials: ['jane.doe@acme.com'], pql_queue: [] });
  });
});
