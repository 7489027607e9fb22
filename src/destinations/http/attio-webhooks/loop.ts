/**
 * Closing the loop in `serve`: `POST /attio/webhooks` verifies Attio's delivery and stores it (./loop-store.ts)
 * before answering 2xx, so Attio is answered fast and a stored delivery outlives a crash; a worker then reads
 * what happened in Attio (./attio-activity.ts), puts the product events in the outbox in the same transaction
 * that marks the delivery done, and sends each to every sink (./sinks.ts). Both steps are retried with
 * exponential back-off: at least once, and the message ids let receivers drop the rare second copy.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AttioClient } from '../../../core/attio/client.js';
import { AttioError } from '../../../core/attio/errors.js';
import { silentReceiverLogger, type ReceiverLogger } from '../log.js';
import { AttioActivity, type OnRecordsMerged } from './attio-activity.js';
import { attioWebhookDeliverySchema } from './delivery-schema.js';
import type { CloseTheLoopSecrets, CloseTheLoopSettings } from './loop-config.js';
import { LoopStore, type LoopStats } from './loop-store.js';
import { productEventSchema } from './product-events.js';
import { ATTIO_WEBHOOKS_PATH, type AttioWebhooksRoute } from './route.js';
import { REPLAY_WINDOW_MS, type ReplayGuard } from './replay-guard.js';
import { rudderstackSink, segmentSink, webhookSink, type ProductEventSink } from './sinks.js';
import { verifyAttioDelivery } from './verify.js';

/** An Attio delivery is a few kilobytes; more is not Attio. */
const MAX_DELIVERY_BYTES = 256 * 1024;
/**
 * Attempts before a delivery or an event is kept as failed: waits doubling from 1 s to the 6 h cap (15 waits,
 * about 9 h), then every 6 h: 27 attempts take about three days, as long as Attio itself keeps retrying.
 */
export const LOOP_MAX_ATTEMPTS = 27;

export interface CloseTheLoopOptions {
  settings: CloseTheLoopSettings;
  secrets: CloseTheLoopSecrets;
  /** Reads what changed in Attio (the receiver's own client). */
  client: AttioClient;
  /** The receiver's data directory: the loop's database sits beside the queue. */
  dataDir: string;
  /** Called after each `record.merged`, before its product event; default: nothing. */
  onRecordsMerged?: OnRecordsMerged;
  /** The unique deal attribute only the connector writes (default `plg_deal_key`). */
  dealKeyAttribute?: string;
  /** Sinks to use instead of those the settings describe (tests). */
  sinks?: ProductEventSink[];
  logger?: ReceiverLogger;
  now?: () => number;
  /** First retry's wait; doubles up to `retryMaxMs`. Defaults 1 s and 6 h. */
  retryBaseMs?: number;
  retryMaxMs?: number;
}

export class CloseTheLoop implements AttioWebhooksRoute {
  readonly store: LoopStore;
  private readonly activity: AttioActivity;
  private readonly sinks: ProductEventSink[];
  private readonly logger: ReceiverLogger;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;

  constructor(private readonly options: CloseTheLoopOptions) {
    this.now = options.now ?? Date.now;
    this.store = new LoopStore(options.dataDir, this.now);
    this.logger = options.logger ?? silentReceiverLogger;
    this.sinks = options.sinks ?? sinksOf(options.settings, options.secrets, this.now);
    this.activity = new AttioActivity({
      client: options.client,
      store: this.store,
      wonStages: options.settings.dealStages.won,
      lostStages: options.settings.dealStages.lost,
      onRecordsMerged: options.onRecordsMerged ?? (() => {}),
      now: this.now,
      ...(options.dealKeyAttribute ? { dealKeyAttribute: options.dealKeyAttribute } : {}),
    });
  }

  /** `POST /attio/webhooks`: 401 unsigned, 400 malformed, 200 once stored (or a replay), 503 if it cannot be stored. */
  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const rawBody = await readRaw(request);
    if (rawBody === undefined) return answer(response, 413, { error: 'an Attio delivery is never this large' });
    const guard = this.guardFor(rawBody);
    const verdict = await verifyAttioDelivery({
      rawBody,
      headers: request.headers,
      secrets: this.options.secrets.attioWebhookSecrets,
      guard,
    });
    if (verdict.kind === 'rejected') {
      this.logger.warn({ route: ATTIO_WEBHOOKS_PATH, status: verdict.status, reason: verdict.reason }, verdict.message);
      return answer(response, verdict.status, { error: verdict.message });
    }
    if (verdict.kind === 'replay') {
      this.logger.debug({ route: ATTIO_WEBHOOKS_PATH }, 'an Attio delivery seen before: nothing more to do');
      return answer(response, 200, { status: 'replay' });
    }
    answer(response, 200, { status: 'accepted' });
    this.kick();
  }

  /** The replay guard is the store: claiming a key stores the delivery with it, in one insert. */
  private guardFor(rawBody: Buffer): ReplayGuard {
    return {
      claim: async (key) => this.store.storeDelivery(key, rawBody.toString('utf8')),
      release: async (key) => this.store.forgetDelivery(key),
    };
  }

  /** Starts the worker: what a previous run left is processed at once. */
  start(): void {
    this.kick();
  }

  /** Runs due work now (and again if more arrives meanwhile); resolves when this run is over. */
  kick(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.runDue();
      } while (this.again && !this.closed);
    })()
      .catch((error: unknown) =>
        this.logger.error(
          { err: error instanceof Error ? error.message : String(error) },
          'close the loop: a run failed',
        ),
      )
      .finally(() => {
        this.running = undefined;
        this.schedule();
      });
    return this.running;
  }

  /** Processes due deliveries, then sends due events. Returns how many items it handled. */
  async runDue(): Promise<number> {
    let handled = 0;
    for (const delivery of this.store.dueDeliveries()) {
      handled += 1;
      try {
        const parsed = attioWebhookDeliverySchema.parse(JSON.parse(delivery.body));
        const rows = [];
        const changes: string[] = [];
        for (const [index, event] of parsed.events.entries()) {
          const reported = await this.activity.productEventsOf(event, delivery.key, index);
          changes.push(...reported.changes);
          for (const productEvent of reported.events)
            for (const sink of this.sinks)
              rows.push({ sink: sink.name, messageId: productEvent.messageId, payload: JSON.stringify(productEvent) });
        }
        this.store.deliveryProcessed(delivery.key, rows, changes);
        if (rows.length > 0)
          this.logger.info({ route: ATTIO_WEBHOOKS_PATH, events: rows.length }, 'product events queued for the sinks');
      } catch (error) {
        const next = this.retryAt(delivery.attempts + 1, error);
        this.store.deliveryFailed(delivery.key, describe(error), next);
        this.logger[next === undefined ? 'error' : 'warn'](
          { route: ATTIO_WEBHOOKS_PATH, attempts: delivery.attempts + 1, err: describe(error) },
          next === undefined
            ? 'an Attio delivery could not be processed: given up'
            : 'an Attio delivery will be processed again',
        );
      }
    }
    for (const row of this.store.dueEvents()) {
      handled += 1;
      const sink = this.sinks.find((s) => s.name === row.sink);
      try {
        if (!sink) throw new Error(`no sink named ${row.sink} is configured any more`);
        await sink.send(productEventSchema.parse(JSON.parse(row.payload)));
        this.store.eventSent(row.id);
      } catch (error) {
        const next = this.retryAt(row.attempts + 1, error);
        this.store.eventFailed(row.id, describe(error), next);
        this.logger[next === undefined ? 'error' : 'warn'](
          { sink: row.sink, messageId: row.messageId, attempts: row.attempts + 1, err: describe(error) },
          next === undefined
            ? 'a product event was not taken by its sink: given up'
            : 'a product event will be sent again',
        );
      }
    }
    this.store.forgetProcessedBefore(this.now() - REPLAY_WINDOW_MS);
    return handled;
  }

  /** Resolves once nothing is due and nothing runs (pending retries may wait for later). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  stats(): LoopStats {
    return this.store.stats();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.settled();
    for (const sink of this.sinks) await sink.close().catch(() => {});
    this.store.close();
  }

  /** When the `attempts`-th failure is tried again; undefined to give up (also for a request Attio refuses). */
  private retryAt(attempts: number, error: unknown): number | undefined {
    const permanent =
      error instanceof AttioError && error.status !== undefined && [400, 401, 403].includes(error.status);
    if (permanent || attempts >= LOOP_MAX_ATTEMPTS) return undefined;
    const base = this.options.retryBaseMs ?? 1000;
    return this.now() + Math.min(base * 2 ** (attempts - 1), this.options.retryMaxMs ?? 6 * 3_600_000);
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    const next = this.store.nextDueAt();
    if (next === undefined) return;
    // Timers beyond ~24 days overflow; an hour's wait is re-armed.
    const wait = Math.min(Math.max(next - this.now(), 0), 3_600_000);
    this.timer = setTimeout(() => void this.kick(), wait);
    this.timer.unref();
  }
}

function sinksOf(settings: CloseTheLoopSettings, secrets: CloseTheLoopSecrets, now: () => number): ProductEventSink[] {
  const sinks: ProductEventSink[] = [];
  if (settings.segment && secrets.segmentWriteKey)
    sinks.push(segmentSink({ writeKey: secrets.segmentWriteKey, host: settings.segment.host }));
  if (settings.rudderstack && secrets.rudderstackWriteKey)
    sinks.push(
      rudderstackSink({ writeKey: secrets.rudderstackWriteKey, dataPlaneUrl: settings.rudderstack.dataPlaneUrl }),
    );
  if (settings.webhook && secrets.productWebhookSecret)
    sinks.push(webhookSink({ url: settings.webhook.url, secret: secrets.productWebhookSecret, now }));
  return sinks;
}

/** The body's bytes as they arrived (the signature is over them), or undefined past the limit. */
async function readRaw(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_DELIVERY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
