/**
 * Reliability support: a generated PLG stream written as a JSONL file, an emulator with Attio's failures
 * switched on, the CLI's deliveries (the RudderStack path through processRouterDest, the Segment path through
 * actions-core's Destination runtime) and the CRM read back through the API for comparison.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rudderstackDelivery } from '../../src/cli/rudderstack-delivery.js';
import type { RouterTiming } from '../../src/simulators/rudder-server/router.js';
import type { Delivery, Via } from '../../src/cli/delivery.js';
import { replayFile, type ReplaySummary } from '../../src/cli/replay.js';
import { segmentDelivery } from '../../src/cli/segment-delivery.js';
import { createAttioConnection } from '../../src/core/attio/index.js';
import { parseConfig, type PlgConfig } from '../../src/core/config/index.js';
import {
  EMULATOR_API_KEY,
  startEmulator,
  type EmulatorHandle,
  type RequestLogEntry,
} from '../../src/emulator/index.js';
import { generateLabelledEvents, type LabelledEvent } from '../../src/sample/generate.js';
import { REPS, crmState } from './e2e.js';

/** Every failure Attio (or the network to it) can produce, at the rates the issue names. */
export const FAULTS = '429=0.1,503=0.05,reset=0.02,timeout=0.01,after-commit-502=0.02';

/**
 * The emulator's rate limit in fault runs: on, at a few times Attio's own (100 reads/s, 25 writes/s) so the
 * suite stays fast; the client's budget is set above it, so the emulator can answer 429s of its own besides
 * the injected ones (how many depends on the machine's speed).
 */
export const EMULATOR_RATE_LIMIT = { readsPerSecond: 300, writesPerSecond: 60 };

/**
 * A month of 5 companies' users, ~280 events: every workflow, duplicates, late and invalid events. The seed
 * is one where no email is shared by two userIds (see `sharedEmails`): two users writing one person's name
 * is last-writer-wins, and platforms order each user's events, not different users'.
 */
export const STREAM = { companies: 5, seed: 12 } as const;

/** Emails that two different userIds claim in `events`. */
export function sharedEmails(events: readonly LabelledEvent[]): string[] {
  const users = new Map<string, Set<unknown>>();
  for (const { event } of events) {
    const traits = event['traits'] as Record<string, unknown> | undefined;
    const context = event['context'] as { traits?: Record<string, unknown> } | undefined;
    const email = traits?.['email'] ?? context?.traits?.['email'];
    if (typeof email !== 'string' || typeof event['userId'] !== 'string') continue;
    users.set(email, (users.get(email) ?? new Set()).add(event['userId']));
  }
  return [...users].filter(([, ids]) => ids.size > 1).map(([email]) => email);
}

export interface Stream {
  file: string;
  events: LabelledEvent[];
}

export function writeStream(options: { companies: number; seed: number } = STREAM, events?: LabelledEvent[]): Stream {
  const all = events ?? [...generateLabelledEvents(options)];
  const file = join(mkdtempSync(join(tmpdir(), 'attio-plg-reliability-')), 'events.jsonl');
  writeFileSync(file, `${all.map((e) => JSON.stringify(e.event)).join('\n')}\n`);
  return { file, events: all };
}

export function startAttio(faults?: string, seed = 1): Promise<EmulatorHandle> {
  return startEmulator({
    seed: 'plg-demo',
    ...(faults ? { faults: `${faults},seed=${seed}`, rateLimit: EMULATOR_RATE_LIMIT } : {}),
  });
}

/** The connector's configuration against `emulator`: a 0.5 s request timeout so `timeout` faults cost little. */
export function configFor(emulator: EmulatorHandle): PlgConfig {
  return parseConfig(
    {
      apiKey: EMULATOR_API_KEY,
      apiUrl: emulator.url,
      salesReps: REPS,
      readsPerSecond: 2_000,
      writesPerSecond: 2_000,
      requestTimeoutMs: 500,
    },
    {},
  );
}

/** rudder-server's retry schedule in milliseconds instead of seconds: the same behaviour, in test time. */
export const TEST_ROUTER_TIMING: RouterTiming = {
  minRetryBackoffMs: 10,
  maxRetryBackoffMs: 250,
  retryTimeWindowMs: 60_000,
  maxFailedCountForJob: 3,
  jobRetentionMs: 90_000,
  deliveryTimeoutMs: 500,
};

let destinations = 0;

export function deliveryFor(via: Via, config: PlgConfig): Delivery {
  // One RudderStack destination per run, so no engine (and no cached schema) outlives its emulator.
  // Segment's backoff, compressed: the emulator's faults pass within milliseconds, Attio's within seconds.
  return via === 'segment'
    ? segmentDelivery(config, { baseDelayMs: 50, maxDelayMs: 1_000 })
    : rudderstackDelivery(config, { destinationId: `reliability-${++destinations}`, timing: TEST_ROUTER_TIMING });
}

export interface ReplayRun {
  summaries: ReplaySummary[];
  /** Events still failed after every re-delivery; a settled run has none. */
  failed: number;
}

/**
 * Replays `file` through `via` as the CLI does, then keeps re-delivering what still failed for a passing
 * reason, as Segment and RudderStack keep retrying a failed event for hours. Bounded, so a bug that never
 * settles fails the test instead of hanging it.
 */
export async function replayUntilSettled(
  via: Via,
  emulator: EmulatorHandle,
  file: string,
  options: {
    concurrency?: number;
    batchSize?: number;
    maxPasses?: number;
    watch?: (events: readonly unknown[]) => void;
  } = {},
): Promise<ReplayRun> {
  const config = configFor(emulator);
  const inner = deliveryFor(via, config);
  const delivery: Delivery = {
    name: inner.name,
    deliver(events) {
      options.watch?.(events);
      return inner.deliver(events);
    },
  };
  const summaries: ReplaySummary[] = [];
  let current = file;
  for (let pass = 1; pass <= (options.maxPasses ?? 40); pass++) {
    const summary = await replayFile({
      file: current,
      delivery,
      config,
      concurrency: options.concurrency ?? 4,
      batchSize: options.batchSize ?? 50,
    });
    summaries.push(summary);
    if (summary.failed === 0) return { summaries, failed: 0 };
    const currentLines = readFileSync(current, 'utf8').split('\n');
    const again = [...summary.failures]
      .sort((a, b) => a.line - b.line)
      .map((f) => currentLines[f.line - 1] ?? '')
      .filter((line) => line !== '');
    current = join(mkdtempSync(join(tmpdir(), 'attio-plg-redelivery-')), 'failed.jsonl');
    writeFileSync(current, `${again.join('\n')}\n`);
  }
  return { summaries, failed: summaries.at(-1)?.failed ?? 0 };
}

/**
 * A client for reading the CRM back. The emulator's faults still apply to it, so it retries far more
 * patiently than the connector would (reads are idempotent): a verdict must not depend on a faulty read.
 */
export function readerFor(emulator: EmulatorHandle) {
  return createAttioConnection({
    apiUrl: emulator.url,
    apiKey: EMULATOR_API_KEY,
    readsPerSecond: 10_000,
    timeoutMs: 1_000,
    retry: { maxAttempts: 40, baseDelayMs: 10, maxDelayMs: 200, maxTotalWaitMs: 120_000 },
  }).client;
}

/** The whole CRM, read back through the API with a client of its own. */
export function crmOf(emulator: EmulatorHandle) {
  return crmState(readerFor(emulator));
}

type Crm = Awaited<ReturnType<typeof crmState>>;

/**
 * The CRM with the facts that follow arrival order across different people set aside. Platforms keep one
 * person's events in order, not different people's (nor a person's against their account's group calls),
 * so when an event is retried another's later one can arrive first. That decides which of an account's
 * users carries its one PQL follow-up task (linked person, due time), and the score a person's one
 * `PQL Qualified` note records (an account's group signals may qualify them before their own identify
 * does). Everything else is compared: the task, its deal and assignee, the note, and every final score;
 * `followUpsLinkDealPeople` checks the follow-up's person is one of the deal's.
 */
export function comparable(crm: Crm): Crm {
  const tasks = crm.tasks.map((task) => {
    const [title = '', links = '', assignee = ''] = task.split(' | ');
    if (title !== 'PQL Follow-up') return task;
    const deal = links.split(', ').filter((link) => link.startsWith('PQL - '));
    return [
      title,
      [...deal, '<first qualifier>'].join(', '),
      assignee,
      'due <first qualification + taskDueHours>',
    ].join(' | ');
  });
  const notes = crm.notes.map((note) =>
    note.replace(
      / \| PQL Qualified \| PQL score: \d+\/100 \((cold|warm|hot)\)/,
      ' | PQL Qualified | PQL score: <at first qualification>',
    ),
  );
  return { ...crm, tasks: tasks.sort(), notes: notes.sort() };
}

/** Each PQL follow-up task links its deal and one of that deal's people. */
export function followUpsLinkDealPeople(crm: Crm): boolean {
  return crm.tasks
    .filter((task) => task.startsWith('PQL Follow-up | '))
    .every((task) => {
      const links = (task.split(' | ')[1] ?? '').split(', ');
      const deal = crm.deals.find((d) => d.name !== undefined && links.includes(d.name));
      return deal !== undefined && links.some((link) => deal.people.includes(link));
    });
}

/** Requests that created something (records, entries, notes, tasks) and that Attio applied. */
export function creations(log: readonly RequestLogEntry[]): RequestLogEntry[] {
  return log.filter(
    (r) =>
      r.method === 'POST' &&
      !r.path.endsWith('/query') &&
      ((r.status >= 200 && r.status < 300) || r.fault === 'after-commit-502'),
  );
}

/** How often each injected fault happened. */
export function faultCounts(log: readonly RequestLogEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of log) if (r.fault) counts[r.fault] = (counts[r.fault] ?? 0) + 1;
  for (const r of log) if (!r.fault && r.status === 429) counts['rate-limited'] = (counts['rate-limited'] ?? 0) + 1;
  return counts;
}
