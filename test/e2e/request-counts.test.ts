import { describe, expect, it } from 'vitest';
import { group, handoff, identify, milestone, QUALIFYING, signedUp, usage, useE2E, WARM } from '../support/e2e.js';

/**
 * Requests per workflow once the schema cache is warm. Writes are what Attio's 25-a-second budget limits (the
 * seed's flow spends 5 on a signup); reads, with four times the budget, buy the comparisons that skip them.
 */
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

  const PATCH_PERSON = expect.stringMatching(/^PATCH \/v2\/objects\/people\/records\/[0-9a-f-]+$/);

  it('a new signup: 3 writes (company, person, trial entry), after reading the person and the company', async () => {
    await warm();
    expect(await requestsFor(signedUp('jane.doe@acme.com', 1))).toEqual([
      'POST /v2/objects/people/records/query',
      'POST /v2/objects/companies/records/query',
      'PUT /v2/objects/companies/records',
      'PUT /v2/objects/people/records',
      'PUT /v2/lists/active_trials/entries',
    ]);
  });

  it('a new signup with a personal domain: 2 writes (person, trial entry), no company', async () => {
    await warm();
    expect(await requestsFor(signedUp('sam.smith@gmail.com', 1))).toEqual([
      'POST /v2/objects/people/records/query',
      'PUT /v2/objects/people/records',
      'PUT /v2/lists/active_trials/entries',
    ]);
  });

  it('a signup delivered again: no write (the person, the company and the entry already hold it)', async () => {
    await warm();
    await requestsFor(signedUp('jane.doe@acme.com', 1));
    const again = await requestsFor(signedUp('jane.doe@acme.com', 1));
    expect(again).toEqual([
      'POST /v2/objects/people/records/query',
      expect.stringMatching(/^GET \/v2\/objects\/people\/records\/[0-9a-f-]+\/entries$/),
    ]);
  });

  it('a new milestone: 2 writes (the note, then the person’s activation); a repeated one: none (the note is found)', async () => {
    await warm();
    await requestsFor(signedUp('jane.doe@acme.com', 1));
    expect(await requestsFor(milestone('jane.doe@acme.com', 'Data Imported', 2))).toEqual([
      'POST /v2/objects/people/records/query',
      'GET /v2/notes',
      'POST /v2/notes',
      'GET /v2/notes',
      PATCH_PERSON,
    ]);
    expect(await requestsFor(milestone('jane.doe@acme.com', 'Data Imported', 2))).toEqual([
      'POST /v2/objects/people/records/query',
      'GET /v2/notes',
    ]);
  });

  it('a PQL update below the threshold: 1 write', async () => {
    await warm();
    await requestsFor(signedUp('jane.doe@acme.com', 1));
    expect(await requestsFor(usage('jane.doe@acme.com', 3, WARM))).toEqual([
      'POST /v2/objects/people/records/query',
      PATCH_PERSON,
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
    expect(
      requests.filter((r) => /attributes|\/v2\/lists$|workspace_members|\/v2\/self|\/v2\/objects$/.test(r)),
    ).toEqual([]);
  });
});
