/**
 * Rep edits win across a replay (docs/ownership.md): a generated month is replayed through the CLI's replay
 * path, reps correct every person's and company's name in the emulator, and the whole month is replayed
 * again. The reps' names stay; with names configured as the product's, the same replay puts the product's
 * names back (so the first outcome is the rule at work, not a replay that writes nothing).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDelivery } from '../../src/cli/deliveries.js';
import { replayFile } from '../../src/cli/replay.js';
import { createAttioConnection, type AttioClient } from '../../src/core/attio/index.js';
import { readFullName, readText, recordIdOf } from '../../src/core/attio/values.js';
import { parseConfig, type PlgConfigInput } from '../../src/core/config/index.js';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { generateLabelledEvents } from '../../src/sample/generate.js';

const REP_TOKEN = 'rep-token-for-replays';
const month = join(mkdtempSync(join(tmpdir(), 'attio-plg-ownership-')), 'month.jsonl');

beforeAll(() => {
  const lines = [...generateLabelledEvents({ seed: 11, companies: 3 })].map((e) => JSON.stringify(e.event));
  writeFileSync(month, `${lines.join('\n')}\n`);
});

const emulators: EmulatorHandle[] = [];
afterEach(async () => {
  await Promise.all(emulators.splice(0).map((e) => e.close()));
});

async function replayTwiceWithCorrections(ownership: PlgConfigInput['ownership']) {
  const emulator = await startEmulator({ seed: 'plg-demo', memberToken: REP_TOKEN });
  emulators.push(emulator);
  const config = parseConfig(
    {
      apiKey: EMULATOR_API_KEY,
      apiUrl: emulator.url,
      salesReps: ['alex.rivera@plg-demo.test'],
      readsPerSecond: 2000,
      writesPerSecond: 2000,
      ...(ownership ? { ownership } : {}),
    },
    {},
  );
  const replay = async () => {
    const summary = await replayFile({ file: month, delivery: await createDelivery('direct', config), config });
    expect(summary.failed).toBe(0);
    return summary;
  };
  const client = (apiKey: string): AttioClient =>
    createAttioConnection({ apiUrl: emulator.url, apiKey, readsPerSecond: 10_000 }).client;
  const reader = client(EMULATOR_API_KEY);
  const rep = client(REP_TOKEN);

  expect((await replay()).applied).toBeGreaterThan(50);
  const people = await reader.queryRecords('people', {});
  const companies = await reader.queryRecords('companies', {});
  expect(people.length).toBeGreaterThan(5);
  for (const person of people) {
    const full = `${readFullName(person) ?? 'Someone'} (corrected)`;
    await rep.updateRecord('people', recordIdOf(person), {
      name: [{ first_name: full, last_name: '', full_name: full }],
    });
  }
  for (const company of companies)
    await rep.updateRecord('companies', recordIdOf(company), { name: [`${readText(company, 'name')} (corrected)`] });

  await replay();
  return {
    people: (await reader.queryRecords('people', {})).map((p) => readFullName(p) ?? ''),
    companies: (await reader.queryRecords('companies', {})).map((c) => readText(c, 'name') ?? ''),
  };
}

describe('a replay of the month after reps corrected names', () => {
  it("leaves every rep's correction as the rep wrote it", async () => {
    const after = await replayTwiceWithCorrections(undefined);
    expect(after.people.filter((name) => !name.endsWith('(corrected)'))).toEqual([]);
    expect(after.companies.filter((name) => !name.endsWith('(corrected)'))).toEqual([]);
  });

  it('puts the product names back where the configuration gives names to the product', async () => {
    const after = await replayTwiceWithCorrections({ 'people.name': 'product', 'companies.name': 'product' });
    expect(after.people.filter((name) => !name.endsWith('(corrected)')).length).toBeGreaterThan(0);
  });
});
