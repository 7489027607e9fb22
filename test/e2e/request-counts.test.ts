import { describe, expect, it } from 'vitest';
import { group, handoff, identify, milestone, QUALIFYING, signedUp, usage, useE2E, WARM } from './support.js';

/** Requests per workflow once the schema cache is warm (SPEC §4 targets; the seed's flow spends 5 on a signup). */
describe('Attio requests per event with a warm schema cache', () => {
  const e2e = useE2E();

  async function warm(): Promise<void> {
    const { engine, takeRequests } = e2e();
    for (const event of [
      identify('warm.up@warm.io', 1),
      group('ws_warm', 'warm.io', 1, {}, 'warm.up@warm.io'),
      signedUp('warm.up@warm.io', 1),
      milestone('warm.up@warm.io', 'Integration Connected', 2),
      usage('warm.up@warm.io', 3, QUALIFYING),
      handoff('warm.up@warm.io', 'Demo Requested', 4),
    ]) {
      expect((await engine.processEvent(event)).status).toBe('applied');
    }
    takeRequests();
  }

  async function requestsFor(event: unknown): Promise<string[]> {
    const { engine, takeRequests } = e2e();
    const result = await engine.processEvent(event);
    expect(result.status, JSON.stringify(result.failure)).toBe('applied');
    return takeRequests().map((r) => `${r.method} ${r.path}`);
  }

  it('signup: 3 (company, person, trial entry)', async () => {
    await warm();
    expect(await requestsFor(signedUp('jane.doe@acme.com', 1))).toEqual([
      'PUT /v2/objects/companies/records',
      'PUT /v2/objects/people/records',
      'PUT /v2/lists/active_trials/entries',
    ]);
  });

  it('signup with a personal domain: 2', async () => {
    await warm();
    expect(await requestsFor(signedUp('sam.smith@gmail.com', 1))).toHaveLength(2);
  });

  it('a new milestone: 3, a repeated one: 2 (the duplicate check)', async () => {
    await warm();
    await requestsFor(signedUp('jane.doe@acme.com', 1));
    expect(await requestsFor(milestone('jane.doe@acme.com', 'Data Imported', 2))).toEqual([
      'PUT /v2/objects/people/records',
      expect.stringMatching(/^PATCH \/v2\/objects\/people\/records\//),
      'POST /v2/notes',
    ]);
    expect(await requestsFor(milestone('jane.doe@acme.com', 'Data Imported', 2))).toEqual(['PUT /v2/objects/people/records', 'GET /v2/notes']);
  });

  it('a PQL update below the threshold: 2', async () => {
    await warm();
    await requestsFor(signedUp('jane.doe@acme.com', 1));
    expect(await requestsFor(usage('jane.doe@acme.com', 3, WARM))).toEqual([
      'PUT /v2/objects/people/records',
      expect.stringMatching(/^PATCH \/v2\/objects\/people\/records\//),
    ]);
  });

  it('no workspace metadata is read at steady state', async () => {
    await warm();
    const requests = [
      ...(await requestsFor(signedUp('jane.doe@acme.com', 1))),
      ...(await requestsFor(milestone('jane.doe@acme.com', 'Data Imported', 2))),
      ...(await requestsFor(usage('jane.doe@acme.com', 3, QUALIFYING))),
      ...(await requestsFor(handoff('jane.doe@acme.com', 'Upgrade Requested', 4, { value: 1000 }))),
    ];
    expect(requests.filter((r) => /attributes|\/v2\/lists$|workspace_members|\/v2\/self|\/v2\/objects$/.test(r))).toEqual([]);
  });
});
