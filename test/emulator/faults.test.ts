import { afterEach, describe, expect, it } from 'vitest';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { parseFaultSpec } from '../../src/emulator/faults.js';

const headers = { authorization: `Bearer ${EMULATOR_API_KEY}`, 'content-type': 'application/json' };
let emulator: EmulatorHandle | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(faults: string): Promise<EmulatorHandle> {
  emulator = await startEmulator({ faults });
  return emulator;
}

/** Sequential requests, so the seeded draws happen in a known order; a rejected fetch counts as 0. */
async function sequence(
  url: string,
  n: number,
  init: (i: number) => RequestInit & { path: string },
): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const { path, ...rest } = init(i);
    try {
      const res = await fetch(`${url}${path}`, { headers, ...rest });
      await res.text();
      statuses.push(res.status);
    } catch {
      statuses.push(0);
    }
  }
  return statuses;
}

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;
const getObjects = () => ({ path: '/v2/objects' });
const createCompany = (i: number) => ({
  path: '/v2/objects/companies/records',
  method: 'POST',
  body: JSON.stringify({ data: { values: { domains: [`f${i}.test`] } } }),
});

async function companyCount(url: string): Promise<number> {
  const res = await fetch(`${url}/v2/objects/companies/records/query`, { method: 'POST', headers, body: '{}' });
  return ((await res.json()) as { data: unknown[] }).data.length;
}

describe('fault spec', () => {
  it('parses probabilities, latency and seed', () => {
    expect(
      parseFaultSpec('429=0.1,503=0.05,reset=0.02,timeout=0.01,latency=20-80,after-commit-502=0.02,seed=42'),
    ).toEqual({
      before: [
        { fault: { kind: 'status', status: 429 }, probability: 0.1 },
        { fault: { kind: 'status', status: 503 }, probability: 0.05 },
        { fault: { kind: 'reset' }, probability: 0.02 },
        { fault: { kind: 'timeout' }, probability: 0.01 },
      ],
      afterCommit502: 0.02,
      latencyMs: [20, 80],
      seed: 42,
    });
  });

  it('rejects unknown faults and impossible probabilities', async () => {
    expect(() => parseFaultSpec('teapot=0.1')).toThrow(/Unknown fault/);
    expect(() => parseFaultSpec('503=1.5')).toThrow(/between 0 and 1/);
    expect(() => parseFaultSpec('503=0.6,429=0.6')).toThrow(/more than 1/);
    await expect(startEmulator({ faults: 'latency=80-20' })).rejects.toThrow(/reversed/);
  });
});

describe('injected faults', () => {
  it('503 answers that status at about the given rate and is reproducible with the same seed', async () => {
    const first = await start('503=0.2,seed=7');
    const a = await sequence(first.url, 400, getObjects);
    expect(count(a, 503)).toBeGreaterThan(40);
    expect(count(a, 503)).toBeLessThan(120);
    expect(count(a, 503) + count(a, 200)).toBe(400);
    expect(first.requests.filter((r) => r.fault === '503')).toHaveLength(count(a, 503));
    await first.close();
    const again = await start('503=0.2,seed=7');
    expect(await sequence(again.url, 400, getObjects)).toEqual(a);
  });

  it('429 answers rate_limit_error with Retry-After and does not process the write', async () => {
    const { url } = await start('429=0.3,seed=3');
    const statuses = await sequence(url, 200, createCompany);
    expect(count(statuses, 429)).toBeGreaterThan(30);
    expect(count(statuses, 429)).toBeLessThan(90);
    expect(count(statuses, 429) + count(statuses, 200)).toBe(200);
    expect(await companyCount(url)).toBe(count(statuses, 200));
    let throttled: Response | undefined;
    for (let i = 0; i < 50 && !throttled; i += 1) {
      const res = await fetch(`${url}/v2/objects`, { headers });
      if (res.status === 429) throttled = res;
      else await res.text();
    }
    expect(throttled?.headers.get('retry-after')).toMatch(
      /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
    );
    expect(await throttled?.json()).toMatchObject({
      status_code: 429,
      type: 'rate_limit_error',
      code: 'rate_limit_exceeded',
    });
  });

  it('reset destroys the connection without an answer and processes nothing', async () => {
    const { url, requests } = await start('reset=0.25,seed=11');
    const statuses = await sequence(url, 200, createCompany);
    const resets = count(statuses, 0);
    expect(resets).toBeGreaterThan(25);
    expect(resets).toBeLessThan(80);
    expect(requests.filter((r) => r.fault === 'reset')).toHaveLength(resets);
    expect(requests.filter((r) => r.fault === 'reset').every((r) => r.status === 0)).toBe(true);
  });

  it('timeout never answers; the client gives up and close() does not hang on held sockets', async () => {
    const { url, requests } = await start('timeout=0.2,seed=5');
    const statuses = await sequence(url, 60, (i) => ({ ...createCompany(i), signal: AbortSignal.timeout(150) }));
    const timeouts = count(statuses, 0);
    expect(timeouts).toBeGreaterThan(3);
    expect(timeouts).toBeLessThan(25);
    expect(await companyCount(url)).toBe(count(statuses, 200));
    expect(requests.filter((r) => r.fault === 'timeout')).toHaveLength(timeouts);

    const held = await start('timeout=1');
    const pending = fetch(`${held.url}/v2/objects`, { headers }).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await held.close();
    expect(await pending).toBe('failed');
  });

  it('after-commit-502 applies writes, answers 502, and never touches reads', async () => {
    const { url, requests } = await start('after-commit-502=0.4,seed=9');
    const writes = await sequence(url, 150, createCompany);
    expect(count(writes, 502)).toBeGreaterThan(30);
    expect(count(writes, 502)).toBeLessThan(90);
    expect(count(writes, 502) + count(writes, 200)).toBe(150);
    expect(await companyCount(url)).toBe(150);
    const reads = await sequence(url, 100, getObjects);
    expect(count(reads, 200)).toBe(100);
    expect(requests.filter((r) => r.fault === 'after-commit-502').every((r) => r.write)).toBe(true);
  });

  it('latency delays every response by at least its minimum', async () => {
    const { url } = await start('latency=30-40,seed=1');
    const started = performance.now();
    const statuses = await sequence(url, 5, getObjects);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(5 * 30 - 5);
  });
});

describe('request log', () => {
  it('records every request in order with its status, write flag and body; reset() clears it', async () => {
    const { url, requests, reset } = await start('');
    await fetch(`${url}/v2/self`, { headers });
    await fetch(`${url}/v2/objects/people/records?matching_attribute=email_addresses`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ data: { values: { email_addresses: ['log@x.test'] } } }),
    });
    await fetch(`${url}/v2/objects`);
    expect(requests).toEqual([
      { method: 'GET', path: '/v2/self', query: {}, status: 200, write: false },
      {
        method: 'PUT',
        path: '/v2/objects/people/records',
        query: { matching_attribute: 'email_addresses' },
        status: 200,
        write: true,
        body: { data: { values: { email_addresses: ['log@x.test'] } } },
      },
      { method: 'GET', path: '/v2/objects', query: {}, status: 401, write: false },
    ]);
    reset();
    expect(requests).toEqual([]);
  });
});
