/**
 * Rep edits win (docs/ownership.md), on the emulator acting as a rep through its member token: what a
 * workspace member wrote last of a people-owned attribute survives later events; product-owned attributes
 * follow the product whoever touched them; configuration can give an attribute to the product; a deal a rep
 * moved stays where they put it.
 */
import { describe, expect, it } from 'vitest';
import { createAttioConnection, type AttioClient, type AttioRecord } from '../../src/core/attio/index.js';
import { readFullName, readNumber, readText, recordIdOf } from '../../src/core/attio/values.js';
import type { PlgConfigInput } from '../../src/core/config/index.js';
import { EMULATOR_API_KEY } from '../../src/emulator/index.js';
import { EventEngine } from '../../src/pipeline.js';
import { group, identify, QUALIFYING, signedUp, usage, useE2E, type E2E } from '../support/e2e.js';

const REP_TOKEN = 'rep-token-for-ownership';

function e2eAsRep(config: Partial<PlgConfigInput> = {}) {
  const e2e = useE2E({ emulator: { memberToken: REP_TOKEN }, config });
  const rep = (): AttioClient =>
    createAttioConnection({ apiUrl: e2e().emulator.url, apiKey: REP_TOKEN, readsPerSecond: 10_000 }).client;
  const apply = async (...events: unknown[]) => {
    for (const event of events) {
      const result = await e2e().engine.processEvent(event);
      expect(result.status, JSON.stringify(result.failure)).toBe('applied');
    }
  };
  return { e2e, rep, apply };
}

async function person(fixture: E2E, email: string): Promise<AttioRecord> {
  const [record] = await fixture.reader.queryRecords('people', { filter: { email_addresses: email } });
  if (!record) throw new Error(`no person ${email}`);
  return record;
}

const actorOf = (record: AttioRecord, attribute: string) =>
  (record.values[attribute]?.find((v) => v.active_until === null)?.created_by_actor as { type?: string } | undefined)
    ?.type;

const quiet = { warn: () => {} };
const connectorClient = (fixture: E2E) =>
  createAttioConnection({ apiUrl: fixture.emulator.url, apiKey: EMULATOR_API_KEY, readsPerSecond: 10_000 }).client;

const correctedName = { first_name: 'Janet', last_name: 'Doe-Smith', full_name: 'Janet Doe-Smith' };

describe('rep edits win, with the default owners', () => {
  const { e2e, rep, apply } = e2eAsRep();

  it('the emulator records who wrote each value: the API token, or the member', async () => {
    await apply(signedUp('jane.doe@acme.com', 1));
    const id = recordIdOf(await person(e2e(), 'jane.doe@acme.com'));
    await rep().updateRecord('people', id, { job_title: ['VP Product'] });
    const record = await person(e2e(), 'jane.doe@acme.com');
    expect(actorOf(record, 'name')).toBe('api-token');
    expect(actorOf(record, 'job_title')).toBe('workspace-member');
  });

  it("a rep's corrected name and title survive a later identify that still sends the old ones", async () => {
    await apply(signedUp('jane.doe@acme.com', 1));
    const id = recordIdOf(await person(e2e(), 'jane.doe@acme.com'));
    await rep().updateRecord('people', id, { name: [correctedName], job_title: ['VP Product'] });
    e2e().takeRequests();
    await apply(identify('jane.doe@acme.com', 3, { title: 'Product Lead', plan: 'pro' }));
    const requests = e2e().takeRequests();
    const record = await person(e2e(), 'jane.doe@acme.com');
    expect(readFullName(record)).toBe('Janet Doe-Smith');
    expect(readText(record, 'job_title')).toBe('VP Product');
    // What the product owns still follows the product.
    expect(record.values.plan_type?.[0]?.option).toMatchObject({ title: 'pro' });
    // The rule needed no read beyond the person the identify reads anyway.
    expect(requests.filter((r) => !r.write && r.path.startsWith('/v2/objects/people'))).toHaveLength(1);
  });

  it('a product-owned score is still updated after a rep touched it', async () => {
    await apply(signedUp('jane.doe@acme.com', 1));
    const id = recordIdOf(await person(e2e(), 'jane.doe@acme.com'));
    await rep().updateRecord('people', id, { pql_score: [5] });
    await apply(usage('jane.doe@acme.com', 3, QUALIFYING));
    const record = await person(e2e(), 'jane.doe@acme.com');
    expect(readNumber(record, 'pql_score')).toBe(100);
    expect(actorOf(record, 'pql_score')).toBe('api-token');
  });

  it("a rep's company name survives a group call with the old one; the company's score still moves", async () => {
    await apply(group('acme', 'acme.com', 1, { name: 'Acme' }));
    const [company] = await e2e().reader.queryRecords('companies', { filter: { domains: 'acme.com' } });
    await rep().updateRecord('companies', recordIdOf(company!), { name: ['Acme Corporation'] });
    // Another process, which has not cached the company: it reads it, and sees who renamed it.
    const other = new EventEngine({ client: connectorClient(e2e()), config: e2e().engine.config, logger: quiet });
    const result = await other.processEvent(group('acme', 'acme.com', 2, { name: 'Acme Inc', plan: 'pro' }));
    expect(result.status).toBe('applied');
    const [after] = await e2e().reader.queryRecords('companies', { filter: { domains: 'acme.com' } });
    expect(readText(after!, 'name')).toBe('Acme Corporation');
    expect(after!.values.plan_type?.[0]?.option).toMatchObject({ title: 'pro' });
  });

  it('a deal a rep moved stays where the rep put it, and the account gets no second deal', async () => {
    await apply(signedUp('jane.doe@acme.com', 1), usage('jane.doe@acme.com', 2, QUALIFYING));
    const [deal] = await e2e().reader.queryRecords('deals', {});
    expect(deal!.values.stage?.[0]?.status).toMatchObject({ title: 'Product Qualified' });
    await rep().updateRecord('deals', recordIdOf(deal!), { stage: ['Won 🎉'] });
    // A later qualifier of the same account, the first one's usage again, and a new score for them.
    await apply(
      signedUp('sam.lee@acme.com', 3),
      usage('sam.lee@acme.com', 4, QUALIFYING),
      usage('jane.doe@acme.com', 2, QUALIFYING),
      usage('jane.doe@acme.com', 5, QUALIFYING),
    );
    const deals = await e2e().reader.queryRecords('deals', {});
    expect(deals.map((d) => readText(d, 'name'))).toEqual(['PQL - acme.com']);
    expect(deals[0]!.values.stage?.[0]?.status).toMatchObject({ title: 'Won 🎉' });
    expect(actorOf(deals[0]!, 'stage')).toBe('workspace-member');
  });
});

describe('rep edits win, unless the configuration gives the attribute to the product', () => {
  const { e2e, rep, apply } = e2eAsRep({ ownership: { 'people.name': 'product' } });

  it("a product-owned name overwrites a rep's correction", async () => {
    await apply(signedUp('jane.doe@acme.com', 1));
    const id = recordIdOf(await person(e2e(), 'jane.doe@acme.com'));
    await rep().updateRecord('people', id, { name: [correctedName], job_title: ['VP Product'] });
    await apply(identify('jane.doe@acme.com', 3, { title: 'Product Lead' }));
    const record = await person(e2e(), 'jane.doe@acme.com');
    expect(readFullName(record)).toBe('Jane Doe');
    // The title is still the reps', as the defaults say.
    expect(readText(record, 'job_title')).toBe('VP Product');
  });
});
