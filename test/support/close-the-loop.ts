/**
 * The close-the-loop stage for end-to-end tests: the emulator (acting as Attio, with a rep's token and
 * retries on a manual clock), an engine that made the CRM's PQL deal, `serve`'s receiver service with the
 * loop on, Attio's webhook created by `setup`'s own code, and local stand-ins for every sink: Segment's and
 * RudderStack's `/v1/batch` and a product endpoint that verifies each event's signature.
 */
import { followRecordMerge } from '../../src/core/workflows/index.js';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAttioConnection, type AttioClient } from '../../src/core/attio/index.js';
import { parseConfig } from '../../src/core/config/index.js';
import { applyWebhook, planWebhook, readWebhookWorkspace } from '../../src/core/setup/index.js';
import type { RecordsMerged } from '../../src/destinations/http/attio-webhooks/attio-activity.js';
import { closeTheLoopSettingsSchema } from '../../src/destinations/http/attio-webhooks/loop-config.js';
import { startReceiverService, type ReceiverService } from '../../src/destinations/http/service.js';
import { EMULATOR_API_KEY, ManualScheduler, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { EventEngine } from '../../src/pipeline.js';
import { REPS } from './e2e.js';
import { callEmulator } from './emulator.js';
import { startTrackingApi, type TrackingApi } from './tracking-api.js';

export const REP_TOKEN = 'rep-token-for-the-loop';
export const SEGMENT_WRITE_KEY = 'segment-write-key-0123456789';
export const RUDDER_WRITE_KEY = 'rudder-write-key-0123456789';
export const PRODUCT_SECRET = 'product-webhook-secret-0123456789';
export const OLD_ATTIO_SECRET = 'the-previous-attio-webhook-secret';

export interface ProductDelivery {
  event: string;
  messageId: string;
  idempotencyKey: string;
  body: Record<string, any>;
  signatureValid: boolean;
  answered: number;
}

/** The product's endpoint: checks the signature as docs/close-the-loop.md tells a product to. */
export interface ProductEndpoint {
  url: string;
  deliveries: ProductDelivery[];
  /** Answer 500 to the first delivery of this event (the product was briefly down). */
  failFirst(event: string): void;
  accepted(event: string): ProductDelivery[];
  close(): Promise<void>;
}

export function verifyProductSignature(rawBody: string, header: string | undefined, secret: string): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.split('=') as [string, string]));
  if (!parts.t || !parts.v1) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${rawBody}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function startProductEndpoint(secret: string): Promise<ProductEndpoint> {
  const deliveries: ProductDelivery[] = [];
  const failing = new Set<string>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(rawBody) as Record<string, any>;
      const signatureValid = verifyProductSignature(rawBody, req.headers['attio-plg-signature'] as string, secret);
      const answered = !signatureValid ? 401 : failing.delete(body.event) ? 500 : 200;
      deliveries.push({
        event: body.event,
        messageId: body.messageId,
        idempotencyKey: String(req.headers['idempotency-key']),
        body,
        signatureValid,
        answered,
      });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/product/events`,
    deliveries,
    failFirst: (event) => failing.add(event),
    accepted: (event) => deliveries.filter((d) => d.event === event && d.answered === 200),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Between Attio and serve: answers 500 to the next `failures` deliveries (a proxy having a bad moment), then forwards. */
export interface FlakyProxy {
  url: string;
  failNext(count: number): void;
  close(): Promise<void>;
}

export async function startFlakyProxy(target: () => string): Promise<FlakyProxy> {
  let failures = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (failures > 0) {
        failures -= 1;
        res.writeHead(500).end();
        return;
      }
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'attio-signature', 'x-attio-signature', 'idempotency-key'])
        if (typeof req.headers[name] === 'string') headers[name] = req.headers[name];
      fetch(`${target()}${req.url}`, { method: 'POST', headers, body: Buffer.concat(chunks) })
        .then(async (upstream) => res.writeHead(upstream.status).end(await upstream.text()))
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    failNext: (count) => {
      failures = count;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface LoopStage {
  emulator: EmulatorHandle;
  scheduler: ManualScheduler;
  client: AttioClient;
  engine: EventEngine;
  service: ReceiverService;
  dataDir: string;
  attioSecret: string;
  segment: TrackingApi;
  rudderstack: TrackingApi;
  product: ProductEndpoint;
  proxy: FlakyProxy;
  merges: RecordsMerged[];
  /** Starts serve again on the same data directory (after `service.close()`). */
  restart(): Promise<void>;
  /** A rep's (or the API token's) request to the emulator. */
  call(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: any }>;
  /** Lets the emulator deliver everything it has, retries included, and serve process it. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface LoopStageOptions {
  extraAttioSecrets?: string[];
  /** The client serve's loop reads Attio with (default: the engine's). */
  loopClient?: (emulatorUrl: string) => AttioClient;
  /** Follow merges as serve does (re-key through the engine), besides recording them. */
  followMerges?: boolean;
}

export async function startLoopStage(options: LoopStageOptions = {}): Promise<LoopStage> {
  const scheduler = new ManualScheduler();
  const emulator = await startEmulator({
    seed: 'plg-demo',
    memberToken: REP_TOKEN,
    webhooks: { scheduler, retryBaseMs: 1000, retries: 3 },
  });
  const config = parseConfig({ apiKey: EMULATOR_API_KEY, apiUrl: emulator.url, salesReps: REPS });
  const { client } = createAttioConnection({
    apiUrl: emulator.url,
    apiKey: EMULATOR_API_KEY,
    readsPerSecond: 10_000,
    writesPerSecond: 10_000,
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
  });
  const engine = new EventEngine({ client, config, maxRuns: 1, logger: { warn: () => {} }, sleep: async () => {} });
  const segment = await startTrackingApi(SEGMENT_WRITE_KEY);
  const rudderstack = await startTrackingApi(RUDDER_WRITE_KEY);
  const product = await startProductEndpoint(PRODUCT_SECRET);
  const dataDir = mkdtempSync(join(tmpdir(), 'attio-plg-loop-'));
  const merges: RecordsMerged[] = [];
  let service: ReceiverService | undefined;
  const proxy = await startFlakyProxy(() => service!.url);
  const created = await applyWebhook(
    client,
    planWebhook(`${proxy.url}/attio/webhooks`, await readWebhookWorkspace(client)),
  );
  if (created.outcome !== 'created') throw new Error(`the webhook was not created: ${created.outcome}`);
  const attioSecret = created.secret;
  const settings = closeTheLoopSettingsSchema.parse({
    segment: { host: segment.url },
    rudderstack: { dataPlaneUrl: rudderstack.url },
    webhook: { url: product.url },
  });
  const start = async () => {
    service = await startReceiverService({
      engine,
      secret: 'the-intake-shared-secret-0123',
      queue: { dataDir },
      closeTheLoop: {
        settings,
        secrets: {
          attioWebhookSecrets: [...(options.extraAttioSecrets ?? []), attioSecret],
          segmentWriteKey: SEGMENT_WRITE_KEY,
          rudderstackWriteKey: RUDDER_WRITE_KEY,
          productWebhookSecret: PRODUCT_SECRET,
        },
        client: loopClient,
        onRecordsMerged: async (merge) => {
          merges.push(merge);
          if (options.followMerges) await followRecordMerge(engine.ctx, merge);
        },
        retryBaseMs: 20,
      },
    });
  };
  const loopClient = options.loopClient?.(emulator.url) ?? client;
  await start();
  const call: LoopStage['call'] = (method, path, body, token = REP_TOKEN) =>
    callEmulator(emulator.url, method, path, body, token);
  const stage: LoopStage = {
    emulator,
    scheduler,
    client,
    engine,
    get service() {
      return service!;
    },
    dataDir,
    attioSecret,
    segment,
    rudderstack,
    product,
    proxy,
    merges,
    restart: start,
    call,
    async settle() {
      await emulator.webhooks.settled();
      while (scheduler.runNext()) await emulator.webhooks.settled();
      // The outbox's retries wait 20 ms, doubling: a few rounds until nothing is pending.
      for (let round = 0; round < 200; round += 1) {
        await service!.loop!.settled();
        const stats = service!.loop!.stats();
        if (stats.pendingDeliveries === 0 && stats.pendingEvents === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`close the loop did not settle: ${JSON.stringify(service!.loop!.stats())}`);
    },
    async close() {
      await service?.close().catch(() => {});
      await proxy.close();
      await emulator.close();
      await Promise.all([segment.close(), rudderstack.close(), product.close()]);
    },
  };
  return stage;
}
