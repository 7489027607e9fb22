/**
 * The receiver's Prometheus metrics (prom-client), on a registry of its own so that several receivers in one
 * process (tests) do not share counters. Attio requests are observed through the core's attempt hook
 * (AttemptObserver), so the core never imports a metrics library.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AttemptReport } from '../../core/attio/index.js';

export interface ReceiverMetrics {
  readonly registry: Registry;
  /** One event's outcome (applied, ignored, rejected, failed) in the workflow the tracking plan routes it to. */
  event(workflow: string, outcome: string): void;
  /** One delivery answered: its route, HTTP status and how long it took. */
  delivery(route: string, status: number, seconds: number): void;
  /** The core's report of one attempt at an Attio request. */
  attempt(report: AttemptReport): void;
  ready(isReady: boolean): void;
}

export function createReceiverMetrics(options: { defaultMetrics?: boolean } = {}): ReceiverMetrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'attio_plg_' });
  const events = new Counter({ name: 'attio_plg_events_total', help: 'Events received, by the workflow they route to and their outcome', labelNames: ['workflow', 'outcome'], registers: [registry] });
  const deliveries = new Counter({ name: 'attio_plg_deliveries_total', help: 'Deliveries answered, by route and HTTP status', labelNames: ['route', 'status'], registers: [registry] });
  const deliverySeconds = new Histogram({
    name: 'attio_plg_delivery_duration_seconds',
    help: 'Time from receiving a delivery to answering it',
    labelNames: ['route'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const requests = new Counter({ name: 'attio_plg_attio_requests_total', help: 'Attempts at Attio requests, by operation and HTTP status (timeout or network when none came)', labelNames: ['operation', 'status'], registers: [registry] });
  const retries = new Counter({ name: 'attio_plg_attio_retries_total', help: 'Attio attempts that were retries of an earlier one', labelNames: ['operation'], registers: [registry] });
  const throttled = new Counter({ name: 'attio_plg_attio_throttled_total', help: 'Attio answers of 429 (rate limited)', labelNames: ['operation'], registers: [registry] });
  const requestSeconds = new Histogram({
    name: 'attio_plg_attio_request_duration_seconds',
    help: 'Time for one attempt at an Attio request, including any wait for the client’s own rate budget',
    labelNames: ['operation'],
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
    registers: [registry],
  });
  const ready = new Gauge({ name: 'attio_plg_ready', help: '1 when the workspace check passes and Attio answers, else 0', registers: [registry] });

  return {
    registry,
    event: (workflow, outcome) => events.inc({ workflow, outcome }),
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
