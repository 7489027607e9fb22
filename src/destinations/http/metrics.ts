/**
 * The receiver's Prometheus metrics (prom-client), on a registry of its own so that several receivers in one
 * process (tests) do not share counters. Attio requests are observed through the core's attempt hook
 * (AttemptObserver), so the core never imports a metrics library. The queue's gauges are read from the
 * queue when scraped; its drain pace is `rate(attio_plg_queue_drained_events_total[1m])`.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AttemptReport } from '../../core/attio/index.js';
import type { LoopStats } from './attio-webhooks/loop-store.js';
import type { QueueStats } from './queue/index.js';

export interface ReceiverMetrics {
  readonly registry: Registry;
  /** `count` events' outcome at intake (accepted, ignored, rejected, failed) in the workflow the tracking plan routes them to. */
  event(workflow: string, outcome: string, count?: number): void;
  /** One event's outcome in the drain: applied, ignored, dead_letter, or retry (it stays queued). */
  drained(workflow: string, outcome: 'applied' | 'ignored' | 'dead_letter' | 'retry'): void;
  /** Reads the queue's depth, oldest event and dead letters whenever the metrics are scraped. */
  observeQueue(read: () => QueueStats, now?: () => number): void;
  /** Reads close the loop's backlog (Attio deliveries and product events, pending or failed) when scraped. */
  observeLoop(read: () => LoopStats): void;
  /** One delivery answered: its route, HTTP status and how long it took. */
  delivery(route: string, status: number, seconds: number): void;
  /** The core's report of one attempt at an Attio request. */
  attempt(report: AttemptReport): void;
  ready(isReady: boolean): void;
}

export function createReceiverMetrics(options: { defaultMetrics?: boolean } = {}): ReceiverMetrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'attio_plg_' });
  const events = new Counter({
    name: 'attio_plg_events_total',
    help: 'Events received, by the workflow they route to and their outcome at intake',
    labelNames: ['workflow', 'outcome'],
    registers: [registry],
  });
  const drained = new Counter({
    name: 'attio_plg_queue_drained_events_total',
    help: 'Events that left the queue, by workflow and outcome (applied, ignored, dead_letter)',
    labelNames: ['workflow', 'outcome'],
    registers: [registry],
  });
  const retried = new Counter({
    name: 'attio_plg_queue_retries_total',
    help: 'Events the drain left queued after a passing failure, to try again',
    labelNames: ['workflow'],
    registers: [registry],
  });
  let readQueue: (() => QueueStats) | undefined;
  let clock: () => number = Date.now;
  const queueStats = () => readQueue?.();
  new Gauge({
    name: 'attio_plg_queue_depth',
    help: 'Events stored and waiting to be applied in Attio',
    registers: [registry],
    collect() {
      const stats = queueStats();
      if (stats) this.set(stats.depth);
    },
  });
  new Gauge({
    name: 'attio_plg_queue_oldest_event_age_seconds',
    help: 'Age of the oldest event waiting in the queue (0 when empty)',
    registers: [registry],
    collect() {
      const stats = queueStats();
      if (stats)
        this.set(stats.oldestReceivedAt === undefined ? 0 : Math.max(0, (clock() - stats.oldestReceivedAt) / 1000));
    },
  });
  new Gauge({
    name: 'attio_plg_queue_dead_letters',
    help: 'Events in the dead letters (failed for a reason retrying will not fix; attio-plg queue retry puts them back)',
    registers: [registry],
    collect() {
      const stats = queueStats();
      if (stats) this.set(stats.deadLetters);
    },
  });
  let readLoop: (() => LoopStats) | undefined;
  new Gauge({
    name: 'attio_plg_loop_attio_deliveries',
    help: "Attio's webhook deliveries stored by serve: pending (to be read back) or failed (every attempt)",
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const stats = readLoop?.();
      if (!stats) return;
      this.set({ state: 'pending' }, stats.pendingDeliveries);
      this.set({ state: 'failed' }, stats.failedDeliveries);
    },
  });
  new Gauge({
    name: 'attio_plg_loop_product_events',
    help: 'Product events (Deal Won, ...) in the outbox: pending (for a sink) or failed (a sink refused every attempt)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const stats = readLoop?.();
      if (!stats) return;
      this.set({ state: 'pending' }, stats.pendingEvents);
      this.set({ state: 'failed' }, stats.failedEvents);
    },
  });
  const deliveries = new Counter({
    name: 'attio_plg_deliveries_total',
    help: 'Deliveries answered, by route and HTTP status',
    labelNames: ['route', 'status'],
    registers: [registry],
  });
  const deliverySeconds = new Histogram({
    name: 'attio_plg_delivery_duration_seconds',
    help: 'Time from receiving a delivery to answering it',
    labelNames: ['route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const requests = new Counter({
    name: 'attio_plg_attio_requests_total',
    help: 'Attempts at Attio requests, by operation and HTTP status (timeout or network when none came)',
    labelNames: ['operation', 'status'],
    registers: [registry],
  });
  const retries = new Counter({
    name: 'attio_plg_attio_retries_total',
    help: 'Attio attempts that were retries of an earlier one',
    labelNames: ['operation'],
    registers: [registry],
  });
  const throttled = new Counter({
    name: 'attio_plg_attio_throttled_total',
    help: 'Attio answers of 429 (rate limited)',
    labelNames: ['operation'],
    registers: [registry],
  });
  const requestSeconds = new Histogram({
    name: 'attio_plg_attio_request_duration_seconds',
    help: 'Time for one attempt at an Attio request, including any wait for the client’s own rate budget',
    labelNames: ['operation'],
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
    registers: [registry],
  });
  const ready = new Gauge({
    name: 'attio_plg_ready',
    help: '1 when the workspace check passes and Attio answers, else 0',
    registers: [registry],
  });

  return {
    registry,
    event: (workflow, outcome, count = 1) => events.inc({ workflow, outcome }, count),
    drained(workflow, outcome) {
      if (outcome === 'retry') retried.inc({ workflow });
      else drained.inc({ workflow, outcome });
    },
    observeQueue(read, now) {
      readQueue = read;
      if (now) clock = now;
    },
    observeLoop(read) {
      readLoop = read;
    },
    delivery(route, status, seconds) {
      deliveries.inc({ route, status: String(status) });
      deliverySeconds.observe({ route }, seconds);
    },
    attempt(report) {
      const operation = operationOf(report.request.method, report.request.path);
      requests.inc({ operation, status: String(report.status) });
      requestSeconds.observe({ operation }, report.durationMs / 1000);
      if (report.attempt > 1) retries.inc({ operation });
      if (report.status === 429) throttled.inc({ operation });
    },
    ready: (isReady) => ready.set(isReady ? 1 : 0),
  };
}

const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A request's operation with ids replaced, e.g. `PATCH /v2/objects/people/records/{id}`: object and list
 * slugs stay (a workspace has few), record, entry, note and task ids go, so labels stay bounded.
 */
export function operationOf(method: string, path: string): string {
  const template = path
    .split('?')[0]!
    .split('/')
    .map((segment) => (RECORD_ID.test(segment) ? '{id}' : segment))
    .join('/');
  return `${method} ${template}`;
}
