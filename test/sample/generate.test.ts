import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPersonalDomain } from '../../src/core/domains/index.js';
import { normaliseDomain } from '../../src/core/domains/normalise.js';
import { scoreSignals } from '../../src/core/scoring/index.js';
import { generateLabelledEvents, generatePlgEvents, type LabelledEvent } from '../../src/sample/generate.js';
import { BAD_INPUT_KINDS, HARMLESS_PROBES } from '../../src/sample/invalid.js';

type Message = Record<string, unknown>;
const field = (message: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (value, key) => (typeof value === 'object' && value !== null ? (value as Message)[key] : undefined),
    message,
  );

function take<T>(iterable: Iterable<T>, count: number): T[] {
  const taken: T[] = [];
  for (const item of iterable) {
    if (taken.length === count) break;
    taken.push(item);
  }
  return taken;
}

describe('determinism', () => {
  it('gives the same events for the same seed', () => {
    expect(take(generatePlgEvents({ seed: 7 }), 500)).toEqual(take(generatePlgEvents({ seed: 7 }), 500));
  });

  it('gives different events for a different seed', () => {
    const [a, b] = [take(generatePlgEvents({ seed: 7 }), 50), take(generatePlgEvents({ seed: 8 }), 50)];
    expect(a.map((event) => event['userId'])).not.toEqual(b.map((event) => event['userId']));
  });

  it('numbers messageIds by seed', () => {
    expect(take(generatePlgEvents({ seed: 7 }), 2).map((event) => event['messageId'])).toEqual(['msg_7_1', 'msg_7_2']);
  });
});

describe('the default stream', () => {
  let stream: LabelledEvent[];
  const share = (expectation: LabelledEvent['expect']): number =>
    stream.filter((item) => item.expect === expectation).length / stream.length;
  const valid = (predicate: (message: Message) => boolean): Message[] =>
    stream.filter((item) => item.expect === 'valid' && predicate(item.event)).map((item) => item.event);
  const profiles = (): Message[] =>
    valid((m) => m['type'] === 'identify' && field(m, 'traits', 'createdAt') !== undefined);

  beforeAll(() => {
    stream = [...generateLabelledEvents()];
  });

  it('is a few thousand events', () => {
    expect(stream.length).toBeGreaterThan(2500);
    expect(stream.length).toBeLessThan(5000);
  });

  it('has 60 workspaces', () => {
    expect(new Set(valid((m) => m['type'] === 'group').map((m) => m['groupId'])).size).toBe(60);
  });

  it('has about 300 users, each identified once with a profile and signed up once', () => {
    const users = profiles().map((m) => m['userId']);
    expect(new Set(users).size).toBe(users.length);
    expect(users.length).toBeGreaterThanOrEqual(270);
    expect(users.length).toBeLessThanOrEqual(340);
    const signups = valid((m) => m['event'] === 'Signed Up' || m['event'] === 'Trial Started');
    expect(signups).toHaveLength(users.length);
  });

  it('has about 8% of users on personal addresses, with no company', () => {
    const personal = profiles().filter((m) =>
      isPersonalDomain(String(field(m, 'traits', 'email')).split('@')[1] ?? ''),
    );
    const rate = personal.length / profiles().length;
    expect(rate).toBeGreaterThan(0.05);
    expect(rate).toBeLessThan(0.11);
    expect(personal.every((m) => field(m, 'traits', 'company') === undefined)).toBe(true);
  });

  it('has single-user workspaces and a few big accounts', () => {
    const sizes = new Map<unknown, number>();
    for (const m of profiles()) {
      const id = field(m, 'traits', 'company', 'id');
      if (id !== undefined) sizes.set(id, (sizes.get(id) ?? 0) + 1);
    }
    expect([...sizes.values()].filter((size) => size === 1).length).toBeGreaterThanOrEqual(10);
    expect([...sizes.values()].filter((size) => size >= 12).length).toBeGreaterThanOrEqual(3);
  });

  it('writes websites in varied forms that reduce to the email domain', () => {
    const websites = valid((m) => m['type'] === 'group').map((m) => String(field(m, 'traits', 'website')));
    expect(new Set(websites.map((site) => site.replace(/[a-z0-9-]+\.[a-z]+/, 'DOMAIN'))).size).toBeGreaterThanOrEqual(
      4,
    );
    for (const m of profiles()) {
      const website = field(m, 'traits', 'company', 'website');
      if (typeof website !== 'string') continue;
      expect(String(field(m, 'traits', 'email')).endsWith(`@${normaliseDomain(website)}`)).toBe(true);
    }
  });

  it('has about 3% invalid and 2% redelivered events', () => {
    expect(share('invalid')).toBeGreaterThan(0.02);
    expect(share('invalid')).toBeLessThan(0.045);
    expect(share('duplicate')).toBeGreaterThan(0.01);
    expect(share('duplicate')).toBeLessThan(0.035);
  });

  it('has every bad-input kind and every harmless probe at least once', () => {
    const reasons = new Set(stream.map((item) => item.reason));
    for (const { reason } of [...BAD_INPUT_KINDS, ...HARMLESS_PROBES]) expect(reasons, reason).toContain(reason);
  });

  it('gives every event a unique messageId, except redeliveries, which repeat an earlier one exactly', () => {
    const seen = new Map<unknown, Message>();
    for (const item of stream) {
      const id = item.event['messageId'];
      if (item.reason === 'missing messageId') {
        expect(id).toBeUndefined();
      } else if (item.expect === 'duplicate') {
        expect(item.event).toEqual(seen.get(id));
      } else {
        expect(typeof id).toBe('string');
        expect(seen.has(id)).toBe(false);
        seen.set(id, item.event);
      }
    }
  });

  it('delivers some events after later ones', () => {
    let latest = '';
    let overtaken = 0;
    for (const item of stream) {
      const timestamp = item.event['timestamp'];
      if (item.expect !== 'valid' || typeof timestamp !== 'string') continue;
      if (item.reason === 'late' && timestamp < latest) overtaken++;
      if (timestamp > latest) latest = timestamp;
    }
    expect(overtaken).toBeGreaterThanOrEqual(30);
  });

  it('has a quarter to a third of users reach the PQL threshold, on many different days', () => {
    const qualifiedOn = new Map<unknown, string>();
    for (const m of valid((m) => m['event'] === 'Usage Summary' || m['type'] === 'identify')) {
      const signals = (m['type'] === 'identify' ? m['traits'] : m['properties']) as Record<string, number>;
      if (!scoreSignals(signals).qualified || qualifiedOn.has(m['userId'])) continue;
      qualifiedOn.set(m['userId'], String(m['timestamp']).slice(0, 10));
    }
    const rate = qualifiedOn.size / profiles().length;
    expect(rate).toBeGreaterThanOrEqual(0.25);
    expect(rate).toBeLessThanOrEqual(0.34);
    expect(new Set(qualifiedOn.values()).size).toBeGreaterThanOrEqual(15);
  });

  it('has handoff requests from a handful of companies, with values', () => {
    const handoffs = valid((m) =>
      ['Sales Handoff Requested', 'Upgrade Requested', 'Demo Requested'].includes(String(m['event'])),
    );
    expect(handoffs.length).toBeGreaterThanOrEqual(6);
    for (const m of handoffs) {
      expect(field(m, 'properties', 'value')).toBeGreaterThanOrEqual(12000);
      expect(field(m, 'properties', 'value')).toBeLessThanOrEqual(90000);
    }
  });

  it('has events outside the tracking plan, and milestones of every default kind', () => {
    expect(
      stream.filter((item) => item.expect === 'ignored').every((item) => item.event['event'] === 'Page Viewed'),
    ).toBe(true);
    expect(share('ignored')).toBeGreaterThan(0.02);
    const events = new Set(valid((m) => m['type'] === 'track').map((m) => m['event']));
    for (const name of [
      'Onboarding Completed',
      'Integration Connected',
      'Data Imported',
      'Invite Sent',
      'Feature Activated',
      'Milestone Reached',
    ]) {
      expect(events).toContain(name);
    }
  });
});

describe('streaming', () => {
  /** Live heap after a full collection, so that garbage not yet collected does not count. */
  function liveHeap(): number {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
    return process.memoryUsage().heapUsed;
  }

  it('streams 200,000 events holding per-user plans only, not the events', () => {
    const baseline = liveHeap();
    let peak = 0;
    let count = 0;
    for (const _event of generatePlgEvents({ companies: 4200 })) {
      if (++count % 40_000 === 0) peak = Math.max(peak, liveHeap() - baseline);
      if (count === 200_000) break;
    }
    expect(count).toBe(200_000);
    // Held as objects, 200,000 events (70 MB of JSON) would take several hundred MB; ~20,000 users' plans take ~75.
    expect(peak).toBeLessThan(110 * 1024 * 1024);
  });
});
