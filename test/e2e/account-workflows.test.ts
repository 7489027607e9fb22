/**
 * The account roll-up (PQA) in the workflows, on the emulator: the score is read from Attio — the company
 * and its people's stored signals — so separate engines (as separate processes: no shared cache, lock or
 * memory) each compute it from what the others wrote; the company is written only when something changes;
 * the account's qualification opens its one deal with a note naming the contributors; tier changes raise
 * tasks when asked.
 */
import { describe, expect, it } from 'vitest';
import { createAttioConnection, type AttioClient } from '../../src/core/attio/index.js';
import type { AttioRecord } from '../../src/core/attio/schemas.js';
import { readNumber, readSelectTitles, readText } from '../../src/core/attio/values.js';
import { parseConfig, type PlgConfigInput } from '../../src/core/config/index.js';
import { EMULATOR_API_KEY, type EmulatorHandle } from '../../src/emulator/index.js';
import { EventEngine } from '../../src/pipeline.js';
import { at, crmState, group, QUALIFYING, REPS, signedUp, usage, useE2E } from '../support/e2e.js';

/** Lightly active colleagues: each meets a few signals, none qualifies alone (55 and 45 of 60). */
const EVERYDAY = { logins_7d: 5, features_activated: 3, records_imported: 100, active_days_14d: 7 };
const CONNECTOR = { integrations_connected: 1, team_invites: 2 };

const ACCOUNT_CONFIG: Partial<PlgConfigInput> = { dealTrigger: 'account', tierChangeTasks: 'both' };

/** A new engine, as a new process has one: nothing cached, no locks shared with any other. */
function processOn(emulator: EmulatorHandle, config: Partial<PlgConfigInput> = ACCOUNT_CONFIG): EventEngine {
  const parsed = parseConfig({ apiKey: EMULATOR_API_KEY, apiUrl: emulator.url, salesReps: REPS, ...config }, {});
  const { client } = createAttioConnection({
    apiUrl: emulator.url,
    apiKey: EMULATOR_API_KEY,
    readsPerSecond: 10_000,
    writesPerSecond: 10_000,
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
  });
  return new EventEngine({ client, config: parsed, sleep: async () => {} });
}

async function apply(engine: EventEngine, ...events: unknown[]): Promise<void> {
  for (const event of events) {
    const result = await engine.processEvent(event);
    expect(result.status, JSON.stringify(result.failure)).toBe('applied');
  }
}

async function company(reader: AttioClient, domain: string): Promise<AttioRecord> {
  const [record] = await reader.queryRecords('companies', { filter: { domains: domain }, limit: 1 });
  if (!record) throw new Error(`no company ${domain}`);
  return record;
}

function account(record: AttioRecord) {
  return {
    score: readNumber(record, 'account_score'),
    tier: readSelectTitles(record, 'account_tier')[0],
    qualifiedAt: readText(record, 'account_qualified_at'),
    scoredAt: readText(record, 'account_scored_at'),
  };
}

describe('account scores in the workflows', () => {
  const e2e = useE2E({ config: ACCOUNT_CONFIG });

  it('a team none of whom qualifies alone qualifies the account, each event read from Attio by another process', async () => {
    const { emulator, reader } = e2e();
    const [first, second, third] = [processOn(emulator), processOn(emulator), processOn(emulator)];
    await apply(first, signedUp('ada@acme.com', 1), usage('ada@acme.com', 10, EVERYDAY));
    expect(account(await company(reader, 'acme.com'))).toMatchObject({ tier: 'warm', qualifiedAt: undefined });

    await apply(second, signedUp('bob@acme.com', 2), usage('bob@acme.com', 10, CONNECTOR));
    // 58.5: Ada's 55 and Bob's 45 at the top, 2 of 5 seats, every signal met by one of them.
    expect(account(await company(reader, 'acme.com'))).toMatchObject({ score: 58.5, tier: 'warm' });
    expect((await crmState(reader)).deals).toEqual([]);

    await apply(third, signedUp('cy@acme.com', 3), usage('cy@acme.com', 11, CONNECTOR));
    const qualified = account(await company(reader, 'acme.com'));
    expect(qualified).toMatchObject({ tier: 'hot' });
    expect(qualified.score).toBeGreaterThanOrEqual(60);
    expect(Date.parse(qualified.qualifiedAt ?? '')).toBe(Date.parse(at(11)));

    const state = await crmState(reader);
    expect(state.people.map((p) => p.pqlTier)).toEqual(['warm', 'warm', 'warm']);
    expect(state.entries.pql_queue).toEqual([]);
    expect(state.deals.map((d) => [d.name, d.company, d.stage])).toEqual([
      ['PQL - acme.com', 'acme.com', 'Product Qualified'],
    ]);
    expect(state.notes).toContain(
      `PQL - acme.com | PQA Qualified | Account score: ${qualified.score}/100 (hot), threshold 60`,
    );

    const [deal] = await reader.queryRecords('deals', { limit: 1 });
    const [note] = await reader.listNotes('deals', deal!.id.record_id);
    expect(note!.content_plaintext).toContain('- Ada (ada@acme.com): 52.3 ×50%');
    expect(note!.content_plaintext).toContain('Active seats: 3/3 in 14d');
    // The warm-to-hot move raised the owner's task beside the deal's follow-up.
    expect(state.tasks.map((t) => t.split(' | ').slice(0, 2).join(' | '))).toEqual([
      'PQL Follow-up | PQL - acme.com, ada@acme.com',
      'Tier changed | acme.com',
    ]);
  });

  it('writes the company only when its score, tier or facts change', async () => {
    const { emulator, reader, takeRequests } = e2e();
    const engine = processOn(emulator);
    await apply(engine, signedUp('ada@acme.com', 1), usage('ada@acme.com', 10, EVERYDAY));
    const before = account(await company(reader, 'acme.com'));
    takeRequests();
    // The same report again (a new delivery of it): the same score at the same moment.
    await apply(processOn(emulator), usage('ada@acme.com', 10, EVERYDAY));
    const companyWrites = takeRequests().filter((r) => r.write && r.path.startsWith('/v2/objects/companies'));
    expect(companyWrites).toEqual([]);
    expect(account(await company(reader, 'acme.com'))).toEqual(before);

    // A group call with fit attributes writes them once; the same call again writes nothing.
    const acmeGroup = { industry: 'SaaS', employees: 120, address: { country: 'DE' } };
    await apply(engine, group('ws_acme', 'acme.com', 10, acmeGroup));
    const fit = await company(reader, 'acme.com');
    expect([
      readText(fit, 'account_industry'),
      readSelectTitles(fit, 'account_employee_range')[0],
      readText(fit, 'account_country'),
    ]).toEqual(['SaaS', '51-250', 'DE']);
    takeRequests();
    await apply(processOn(emulator), group('ws_acme', 'acme.com', 10, acmeGroup));
    expect(takeRequests().filter((r) => r.write && r.path.startsWith('/v2/objects/companies'))).toEqual([]);
  });

  it('writes no account score while the account is in the lowest tier; a group call’s facts go out with the company', async () => {
    const { emulator, reader, takeRequests } = e2e();
    await apply(processOn(emulator), signedUp('ada@acme.com', 1));
    takeRequests();
    const traits = { industry: 'SaaS', employees: 120, logins_7d: 2 };
    await apply(processOn(emulator), group('ws_acme', 'acme.com', 2, traits));
    // One write of the company: its name, its group score and the account's facts and signals together.
    const companyWrites = takeRequests().filter((r) => r.write && r.path.startsWith('/v2/objects/companies'));
    expect(companyWrites.map((r) => r.method)).toEqual(['PUT']);
    const acme = await company(reader, 'acme.com');
    expect([readText(acme, 'account_industry'), readSelectTitles(acme, 'account_employee_range')[0]]).toEqual([
      'SaaS',
      '51-250',
    ]);
    expect(readText(acme, 'account_signals')).toContain('"logins_7d":2');
    // Cold, never written: no score, no tier, until the account warms up.
    expect(account(acme)).toMatchObject({ score: undefined, tier: undefined });

    await apply(processOn(emulator), usage('ada@acme.com', 10, EVERYDAY));
    expect(account(await company(reader, 'acme.com'))).toMatchObject({ tier: 'warm' });
  });

  it('one batch with several of an account’s people writes the account once, from all of them', async () => {
    const { emulator, reader, takeRequests } = e2e();
    await apply(processOn(emulator), signedUp('ada@acme.com', 1), signedUp('bob@acme.com', 1));
    takeRequests();
    const results = await processOn(emulator).processBatch([
      usage('ada@acme.com', 10, EVERYDAY),
      usage('bob@acme.com', 10, CONNECTOR),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const accountWrites = takeRequests().filter(
      (r) => r.write && r.method === 'PATCH' && r.path.startsWith('/v2/objects/companies/records/'),
    );
    expect(accountWrites).toHaveLength(1);
    // Both people's signals are in the one score: what the two separate processes above reach in two writes.
    expect(account(await company(reader, 'acme.com'))).toMatchObject({ score: 58.5, tier: 'warm' });
  });

  it('with dealTrigger both, whichever qualification comes second finds the one deal and adds its note', async () => {
    const { emulator, reader } = e2e();
    const engine = processOn(emulator, { dealTrigger: 'both' });
    // Ada qualifies alone (a user's deal); the account, at 59 with her alone, qualifies once Bob reports.
    await apply(engine, signedUp('ada@acme.com', 1), usage('ada@acme.com', 10, QUALIFYING));
    expect(account(await company(reader, 'acme.com'))).toMatchObject({ score: 59, qualifiedAt: undefined });
    await apply(
      processOn(emulator, { dealTrigger: 'both' }),
      signedUp('bob@acme.com', 2),
      usage('bob@acme.com', 10, CONNECTOR),
    );
    const state = await crmState(reader);
    expect(state.deals.map((d) => [d.name, d.people])).toEqual([['PQL - acme.com', ['ada@acme.com']]]);
    expect(state.notes.filter((n) => n.startsWith('PQL - acme.com |'))).toEqual([
      expect.stringMatching(/^PQL - acme\.com \| PQA Qualified \| Account score: [\d.]+\/100 \(hot\)/),
    ]);
    expect(state.tasks.filter((t) => t.startsWith('PQL Follow-up'))).toHaveLength(1);
    expect(account(await company(reader, 'acme.com')).qualifiedAt).toBeDefined();
  });

  it('a user whose tier changes gets a task for the owner, once however often the event arrives', async () => {
    const { emulator, reader } = e2e();
    const engine = processOn(emulator, { tierChangeTasks: 'users' });
    const upgrade = usage('dee@gmail.com', 12, QUALIFYING);
    await apply(engine, signedUp('dee@gmail.com', 1), usage('dee@gmail.com', 10, CONNECTOR), upgrade, upgrade);
    const state = await crmState(reader);
    expect(state.tasks.filter((t) => t.startsWith('Tier changed'))).toEqual([
      expect.stringMatching(/^Tier changed \| dee@gmail\.com \| .+ \| due /),
    ]);
  });
});

describe('account facts a rep corrected', () => {
  const REP_TOKEN = 'rep-token-for-accounts';
  const e2e = useE2E({ config: ACCOUNT_CONFIG, emulator: { memberToken: REP_TOKEN } });

  it('keeps the rep’s industry through later group calls, while the product’s account score still moves', async () => {
    const { emulator, reader } = e2e();
    await apply(processOn(emulator), group('ws_acme', 'acme.com', 1, { industry: 'SaaS', employees: 120 }));
    const acme = await company(reader, 'acme.com');
    const corrected = await fetch(`${emulator.url}/v2/objects/companies/records/${acme.id.record_id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${REP_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: { values: { account_industry: 'Fintech' } } }),
    });
    expect(corrected.status).toBe(200);

    await apply(
      processOn(emulator),
      group('ws_acme', 'acme.com', 2, { industry: 'Software', employees: 120 }),
      signedUp('ada@acme.com', 2),
      usage('ada@acme.com', 3, EVERYDAY),
    );
    const after = await company(reader, 'acme.com');
    expect(readText(after, 'account_industry')).toBe('Fintech');
    expect(readNumber(after, 'account_score')).toBeGreaterThan(0);
  });
});
