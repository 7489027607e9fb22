import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig, plgConfigSchema } from '../../src/core/config/index.js';
import { generatePlgEvents } from '../../src/sample/generate.js';
import { DEFAULT_SAMPLE_PATH, sampleOptionsFromArgs, writeSampleFile } from '../../src/sample/main.js';

const examples = new URL('../../examples/', import.meta.url);

describe('examples/plg-events.jsonl', () => {
  it('is exactly the default sample, so it can be regenerated', async () => {
    const lines = (await readFile(new URL('plg-events.jsonl', examples), 'utf8')).split('\n');
    expect(lines.pop()).toBe('');
    const fresh = [...generatePlgEvents()].map((event) => JSON.stringify(event));
    expect(lines.length).toBe(fresh.length);
    expect(lines).toEqual(fresh);
  });

  it('is well under 2 MB', async () => {
    expect((await readFile(new URL('plg-events.jsonl', examples))).byteLength).toBeLessThan(2 * 1024 * 1024);
  });

  it('is where the script writes by default', () => {
    expect(DEFAULT_SAMPLE_PATH).toBe(new URL('plg-events.jsonl', examples).pathname);
  });
});

describe('examples/config.json', () => {
  const read = async (): Promise<Record<string, unknown>> =>
    JSON.parse(await readFile(new URL('config.json', examples), 'utf8')) as Record<string, unknown>;

  it('is a valid configuration for the emulator', async () => {
    const config = parseConfig(await read(), {});
    expect(config.apiUrl).toBe('http://127.0.0.1:8787');
    expect(config.salesReps).toEqual([
      'alex.rivera@plg-demo.test',
      'sam.chen@plg-demo.test',
      'jordan.patel@plg-demo.test',
    ]);
  });

  it('names every setting', async () => {
    expect(Object.keys(await read()).sort()).toEqual(Object.keys(plgConfigSchema.shape).sort());
  });
});

describe('writeSampleFile', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('streams events as JSON lines and counts them by expectation', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attio-plg-sample-'));
    dirs.push(dir);
    const path = join(dir, 'nested', 'events.jsonl');
    const counts = await writeSampleFile(path, { seed: 3, companies: 300, maxEvents: 12_000 });
    const text = await readFile(path, 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(12_000);
    expect(counts.events).toBe(12_000);
    expect(counts.valid + counts.ignored + counts.duplicate + counts.invalid).toBe(12_000);
    expect(counts.bytes).toBe(Buffer.byteLength(text));
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(
      [...generatePlgEvents({ seed: 3, companies: 300 })].slice(0, 12_000),
    );
  });
});

describe('sample script arguments', () => {
  it('sizes the cast for --events and stops there', () => {
    expect(sampleOptionsFromArgs(['--events', '200000', '--seed', '9', '--out', 'big.jsonl'])).toEqual({
      path: 'big.jsonl',
      options: { seed: 9, maxEvents: 200_000, companies: 4445 },
    });
  });

  it('defaults to the examples file', () => {
    expect(sampleOptionsFromArgs([])).toEqual({ path: DEFAULT_SAMPLE_PATH, options: {} });
  });

  it('refuses --events with --companies', () => {
    expect(() => sampleOptionsFromArgs(['--events', '10', '--companies', '2'])).toThrow('not both');
  });
});
