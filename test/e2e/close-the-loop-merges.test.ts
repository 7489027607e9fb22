/**
 * A merge a rep makes in Attio reaches serve as two record.merged webhooks; serve follows each through the
 * engine (docs/merges.md), so later events for either original company land on the record that remains and
 * the account keeps one PQL deal.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readText } from '../../src/core/attio/values.js';
import { group, QUALIFYING, signedUp, usage } from '../support/e2e.js';
import { startLoopStage, type LoopStage } from '../support/close-the-loop.js';

let stage: LoopStage | undefined;
afterEach(async () => {
  await stage?.close();
  stage = undefined;
});

async function apply(loop: LoopStage, ...events: unknown[]) {
  for (const event of events) expect((await loop.engine.processEvent(event)).status).toBe('applied');
}

const pqlDealKeys = async (loop: LoopStage) =>
  (await loop.client.queryRecords('deals', {})).map((deal) => readText(deal, 'plg_deal_key')).sort();

describe('serve follows a merge delivered by Attio', () => {
  it('two companies merged by a rep, then events for both: one PQL deal, on the record that remains', async () => {
    stage = await startLoopStage({ followMerges: true });
    await apply(
      stage,
      group('acme', 'acme.com', 1, { name: 'Acme' }),
      group('acme-io', 'acme.io', 1, { name: 'Acme' }),
      signedUp('jane.doe@acme.com', 1),
      usage('jane.doe@acme.com', 2, QUALIFYING),
      signedUp('sam.lee@acme.io', 1),
      usage('sam.lee@acme.io', 2, QUALIFYING),
    );
    const [acme] = await stage.client.queryRecords('companies', { filter: { domains: 'acme.com' } });
    const [acmeIo] = await stage.client.queryRecords('companies', { filter: { domains: 'acme.io' } });
    expect(await pqlDealKeys(stage)).toHaveLength(2);

    const merged = await stage.call('POST', '/_emulator/objects/companies/records/merge', {
      data: { primary_record_id: acme!.id.record_id, secondary_record_id: acmeIo!.id.record_id },
    });
    expect(merged.status).toBe(200);
    const survivor: string = merged.body.data.id.record_id;
    await stage.settle();
    expect(stage.merges.map((m) => m.survivorRecordId)).toEqual([survivor, survivor]);
    expect(await pqlDealKeys(stage)).toEqual([`pql:company:${survivor}`]);

    await apply(
      stage,
      signedUp('kim.park@acme.io', 3),
      usage('kim.park@acme.io', 4, QUALIFYING),
      usage('jane.doe@acme.com', 5, QUALIFYING),
    );
    expect(await pqlDealKeys(stage)).toEqual([`pql:company:${survivor}`]);
    const [kim] = await stage.client.queryRecords('people', { filter: { email_addresses: 'kim.park@acme.io' } });
    expect(kim?.values.company?.[0]).toMatchObject({ target_record_id: survivor });
  });
});
