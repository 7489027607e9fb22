/**
 * The receiver as a service: the HTTP intake (./receiver.ts) in front of the queue on disk (./queue/), the
 * drain taking the queue to Attio through the engine, /ready watching the queue's age, /metrics its depth,
 * and a shutdown in order: intake stops first (deliveries in flight are stored and answered), then the
 * drain finishes the runs in flight, and what is left stays on disk for the next start.
 */
import type { CheckReport } from '../../core/setup/index.js';
import { workflowOf } from '../../mapping/map-event.js';
import type { EventEngine } from '../../pipeline.js';
import { logDrained, silentReceiverLogger, type ReceiverLogger } from './log.js';
import { DEFAULT_READY_MAX_AGE_MS, EventQueue, type DrainedEvent, type EventQueueOptions } from './queue/index.js';
import type { Drainer } from './queue/drain.js';
import { createReadiness, type ReadyState } from './readiness.js';
import { startReceiver, type ReceiverOptions } from './receiver.js';
import { CloseTheLoop, type CloseTheLoopOptions } from './attio-webhooks/loop.js';

export interface ReceiverServiceOptions extends Omit<ReceiverOptions, 'intake' | 'config' | 'readiness'> {
  /** Applies the drained events; its configuration also maps them at intake. */
  engine: EventEngine;
  queue: EventQueueOptions;
  /** /ready fails while the oldest queued event is older than this. Default 1 h. */
  readyMaxAgeMs?: number;
  /** The workspace check behind /ready; without one, /ready watches the queue only. */
  check?: () => Promise<CheckReport>;
  onReadyState?: (state: ReadyState) => void;
  /** Lanes the drain runs at once (default 16). */
  drainConcurrency?: number;
  /** How long close() lets the drain's runs in flight finish. Default 20 s. */
  drainGraceMs?: number;
  /** Attio's webhooks turned into product events (./attio-webhooks/loop.ts); its database sits in the queue's data directory. */
  closeTheLoop?: Omit<CloseTheLoopOptions, 'dataDir' | 'logger'>;
}

export interface ReceiverService {
  url: string;
  queue: EventQueue;
  drainer: Drainer;
  /** Attio's webhooks to product events, when configured. */
  loop?: CloseTheLoop;
  /** Stops intake, then the drain (runs in flight finish, within the grace), then closes the queue. */
  close(): Promise<{ drainFinished: boolean; queued: number }>;
}

export async function startReceiverService(options: ReceiverServiceOptions): Promise<ReceiverService> {
  const { engine, metrics } = options;
  const logger: ReceiverLogger = options.logger ?? silentReceiverLogger;
  const queue = new EventQueue(options.queue);
  const now = options.queue.now ?? Date.now;
  const readyMaxAgeMs = options.readyMaxAgeMs ?? DEFAULT_READY_MAX_AGE_MS;
  const readiness = createReadiness({
    check: options.check ?? (() => Promise.resolve({ ready: true, problems: [], notes: [] })),
    queueProblems: () => queue.lagProblems(readyMaxAgeMs),
    ...(options.onReadyState ? { onState: options.onReadyState } : {}),
    now,
  });
  metrics?.observeQueue(() => queue.stats(), now);
  let drainedSinceEmpty = 0;
  let busySince: number | undefined;
  const drainer = queue.startDrain({
    apply: (events) => engine.processBatch(events),
    concurrency: options.drainConcurrency,
    onSettled(drained: DrainedEvent[]) {
      busySince ??= now();
      for (const { raw, outcome, failure } of drained) {
        metrics?.drained(workflowOf(raw, engine.config), outcome === 'dead' ? 'dead_letter' : outcome);
        if (
          outcome === 'dead' &&
          failure?.category !== 'invalid-event' &&
          failure?.category !== 'attio-rejected' &&
          failure?.category !== 'unknown-person'
        ) {
          readiness.permanentFailure(failure?.message ?? 'failed');
        }
      }
      drainedSinceEmpty += drained.filter((d) => d.outcome !== 'retry').length;
      logDrained(logger, drained);
      if (queue.store.depth === 0) {
        const seconds = Math.round((now() - busySince) / 100) / 10;
        // A burst's end is news; a trickle drained as it comes is not.
        const level = drainedSinceEmpty >= 100 || seconds >= 10 ? 'info' : 'debug';
        logger[level](
          { events: drainedSinceEmpty, seconds },
          'queue drained: every stored event is applied or in the dead letters',
        );
        drainedSinceEmpty = 0;
        busySince = undefined;
      }
    },
    onError: (error) =>
      logger.error(
        { err: error instanceof Error ? error.message : String(error) },
        'the drain could not record a run: its events stay queued and run again',
      ),
  });
  let receiver;
  let loop: CloseTheLoop | undefined;
  try {
    if (options.closeTheLoop)
      loop = new CloseTheLoop({ ...options.closeTheLoop, dataDir: options.queue.dataDir, logger });
    receiver = await startReceiver({
      ...options,
      intake: queue,
      config: engine.config,
      readiness,
      logger,
      ...(loop ? { attioWebhooks: loop } : {}),
    });
  } catch (error) {
    await drainer.stop(0);
    await loop?.close();
    queue.close();
    throw error;
  }
  if (loop) {
    const running = loop;
    metrics?.observeLoop(() => running.stats());
    running.start();
  }
  const started = receiver;
  return {
    url: started.url,
    queue,
    drainer,
    ...(loop ? { loop } : {}),
    async close() {
      await started.close();
      await loop?.close();
      const drainFinished = await drainer.stop(options.drainGraceMs ?? 20_000);
      const queued = queue.store.depth;
      queue.close();
      return { drainFinished, queued };
    },
  };
}
