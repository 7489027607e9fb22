/**
 * Merges re-key (docs/merges.md): a rep merges duplicates in the emulator (as Attio does today, into a new
 * record; the originals are gone), the connector follows the merge, and later events for either original
 * land on the record that remains, with one deal per account and workflow.
 */
import { describe, expect, it } from 'vitest';
import { createAttioConnection, type AttioRecord } from '../../src/core/attio/index.js';
import { readText, recordIdOf } from '../../src/core/attio/values.js';
import { followRecordMerge } from '../../src/core/workflows/index.js';
import { group, handoff, QUALIFYING, signedUp, usage, useE2E } from '../support/e2e.js';

const REP_TOKEN = 'rep-token-for-merges';

describe('merges re-key', () => {
  const e2e = useE2E({ emulator: { memberToken: REP_TOKEN } });
  const rep = () =>
    createAttioConnection({ apiUrl: e2e().emulator.url, apiKey: REP_TOKEN, readsPerSecond: 10_000 }).client;

  async function apply(...events: unknown[]) {
    for (const event of events) {
      const result = await e2e().engine.processEvent(event);
      expect(result.status, JSON.stringify(result.failure)).toBe('applied');
    }
  }

  /** The rep merges two records in the emulator; answers the record that remains. */
  async function merge(object: string, primary: string, secondary: string): Promise<string> {
    const res = await fetch(`${e2e().emulator.url}/_emulator/objects/${object}/records/merge`, {
      method: 'POST',
      headers: { authorization: `Bearer ${REP_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: { primary_record_id: primary, secondary_record_id: secondary } }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { data: AttioRecord }).data.id.record_id;
  }

  const idOf = async (object: string, filter: Record<string, unknown>) =>
    recordIdOf((await e2e().reader.queryRecords(object, { filter, limit: 1 }))[0] as AttioRecord);
  const deals = async () =>
    (await e2e().reader.queryRecords('deals', {})).map((d) => ({
      id: recordIdOf(d),
      name: readText(d, 'name'),
      key: readText(d, 'plg_deal_key'),
      stage: (d.values.stage?.[0]?.status as { title?: string } | undefined)?.title,
    }));

  it('a merge of two companies, then events for both: one deal per workflow, keyed to the survivor', async () => {
    await apply(
      group('acme', 'acme.com', 1, { name: 'Acme' }),
      group('acme-io', 'acme.io', 1, { name: 'Acme' }),
      signedUp('jane.doe@acme.com', 1),
      usage('jane.doe@acme.com', 2, QUALIFYING),
      signedUp('sam.lee@acme.io', 1),
      usage('sam.lee@acme.io', 2, QUALIFYING),
    );
    const acme = await idOf('companies', { domains: 'acme.com' });
    const acmeIo = await idOf('companies', { domains: 'acme.io' });
    expect((await deals()).map((d) => d.key).sort()).toEqual([`pql:company:${acme}`, `pql:company:${acmeIo}`].sort());

    const survivor = await merge('companies', acme, acmeIo);
    // Attio sends one record.merged per original; each is followed on its own, as the receiver would.
    const first = await followRecordMerge(e2e().engine.ctx, {
      object: 'companies',
      survivorRecordId: survivor,
      mergedRecordIds: [acme],
    });
    const second = await followRecordMerge(e2e().engine.ctx, {
      object: 'companies',
      survivorRecordId: survivor,
      mergedRecordIds: [acmeIo],
    });
    expect(first.rekeyed).toHaveLength(1);
    expect(first.forgotten).toBeGreaterThan(0);
    expect(second.removed).toHaveLength(1);
    expect(await deals()).toMatchObject([{ key: `pql:company:${survivor}`, stage: 'Product Qualified' }]);
    // Following the same merge again (a redelivered event) changes nothing more.
    const again = await followRecordMerge(e2e().engine.ctx, {
      object: 'companies',
      survivorRecordId: survivor,
      mergedRecordIds: [acme, acmeIo],
    });
    expect(again).toMatchObject({ rekeyed: [], removed: [], kept: [] });

    // Later events for people of either original company, and a handoff: they land on the survivor.
    await apply(
      signedUp('kim.park@acme.io', 3),
      usage('kim.park@acme.io', 4, QUALIFYING),
      usage('jane.doe@acme.com', 5, QUALIFYING),
      group('acme', 'acme.com', 5, { name: 'Acme' }, 'jane.doe@acme.com'),
      handoff('sam.lee@acme.io', 'Upgrade Requested', 6, { value: 12000 }),
      handoff('jane.doe@acme.com', 'Upgrade Requested', 6, { value: 12000 }),
    );
    const after = await deals();
    expect(after.map((d) => d.key).sort()).toEqual([
      `enterprise-upgrade:company:${survivor}`,
      `pql:company:${survivor}`,
    ]);
    // One follow-up task for the PQL deal that remains; the removed duplicate's went with it.
    const pql = after.find((d) => d.key === `pql:company:${survivor}`)!;
    const tasks = [];
    for await (const task of e2e().reader.listAllTasks({ linkedObject: 'deals', linkedRecordId: pql.id }))
      tasks.push(task.content_plaintext.split(':')[0]);
    expect(tasks).toEqual(['PQL Follow-up']);
    const people = await e2e().reader.queryRecords('people', {});
    expect(new Set(people.map((p) => p.values.company?.[0]?.target_record_id))).toEqual(new Set([survivor]));
  });

  it('a merge of two people keeps the deal a rep worked on, and later events for both land on it', async () => {
    await apply(
      signedUp('bob.stone@gmail.com', 1),
      usage('bob.stone@gmail.com', 2, QUALIFYING),
      signedUp('bobby.stone@gmail.com', 1),
      usage('bobby.stone@gmail.com', 2, QUALIFYING),
    );
    const bob = await idOf('people', { email_addresses: 'bob.stone@gmail.com' });
    const bobby = await idOf('people', { email_addresses: 'bobby.stone@gmail.com' });
    const worked = (await deals()).find((d) => d.key === `pql:person:${bobby}`)!;
    await rep().updateRecord('deals', worked.id, { stage: ['In Progress'] });

    const survivor = await merge('people', bob, bobby);
    const outcome = await followRecordMerge(e2e().engine.ctx, {
      object: 'people',
      survivorRecordId: survivor,
      mergedRecordIds: [bob, bobby],
    });
    expect(outcome).toMatchObject({ rekeyed: [worked.id], kept: [] });
    expect(outcome.removed).toHaveLength(1);

    await apply(usage('bob.stone@gmail.com', 5, QUALIFYING), usage('bobby.stone@gmail.com', 5, QUALIFYING));
    expect(await deals()).toMatchObject([{ id: worked.id, key: `pql:person:${survivor}`, stage: 'In Progress' }]);
  });

  it('without following the merge, a later event for the merged company fails; once followed, it applies', async () => {
    await apply(signedUp('jane.doe@acme.com', 1), usage('jane.doe@acme.com', 2, QUALIFYING));
    await apply(group('acme-io', 'acme.io', 1, { name: 'Acme' }));
    const acme = await idOf('companies', { domains: 'acme.com' });
    const acmeIo = await idOf('companies', { domains: 'acme.io' });
    const survivor = await merge('companies', acme, acmeIo);
    // The engine still remembers acme.io's old record, which Attio no longer has.
    const event = usage('kim.park@acme.io', 4, QUALIFYING);
    const stale = await e2e().engine.processEvent(event);
    expect(stale.status).not.toBe('applied');
    expect(stale.failure?.message).toContain(acmeIo);

    await followRecordMerge(e2e().engine.ctx, {
      object: 'companies',
      survivorRecordId: survivor,
      mergedRecordIds: [acme, acmeIo],
    });
    expect((await e2e().engine.processEvent(event)).status).toBe('applied');
    expect(await deals()).toMatchObject([{ name: 'PQL - acme.com', key: `pql:company:${survivor}` }]);
  });
});
