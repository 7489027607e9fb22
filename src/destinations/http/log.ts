/**
 * The receiver's structured log (pino): one JSON line per delivery with its route, answer, counts,
 * messageIds, each problem's reason, and its time (`durationMs`; `storeMs` of it waiting for the queue's
 * commit); one per event the drain gives up on (a dead letter) and per event
 * it will try again (at debug). Never a secret (no header is logged) and, at the default level, no
 * personal traits: an email address inside a reason is masked. At `debug` the reasons are kept whole.
 */
import pino from 'pino';
import type { Logger as CoreLogger } from '../../core/logger.js';
import { messageIdOf } from '../../mapping/event-keys.js';
import type { Answer, Receipt } from './answer.js';
import type { DrainedEvent } from './queue/index.js';

export type ReceiverLogger = pino.Logger;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function createReceiverLogger(level: LogLevel = 'info', destination?: pino.DestinationStream): ReceiverLogger {
  return pino(
    { level, base: { service: 'attio-plg-receiver' }, timestamp: pino.stdTimeFunctions.isoTime },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

export const silentReceiverLogger: ReceiverLogger = pino({ level: 'silent' });

/** The core's warnings (settings it chose to skip) as log lines. */
export function coreLoggerFor(logger: ReceiverLogger): CoreLogger {
  return { warn: (message) => logger.warn(message), info: (message) => logger.info(message) };
}

const EMAIL = /[^\s"'<>(),;:@]+@[^\s"'<>(),;:@]+\.[^\s"'<>(),;:@]+/g;

/** One line for one answered delivery. */
export function logDelivery(
  logger: ReceiverLogger,
  line: {
    route: string;
    events: readonly unknown[];
    receipts: readonly Receipt[];
    answer: Answer;
    durationMs: number;
    storeMs?: number;
  },
): void {
  const scrub = scrubber(logger);
  const messageIds = line.receipts.map((r) => r.messageId).filter((id): id is string => id !== undefined);
  const count = (status: Receipt['status']) => line.receipts.filter((r) => r.status === status).length;
  const problems = line.receipts.flatMap((r, index) =>
    r.status === 'rejected' || r.status === 'failed'
      ? [
          {
            index,
            ...(r.messageId ? { messageId: r.messageId } : {}),
            outcome: r.status,
            category: r.failure?.category,
            reason: scrub(r.failure?.message ?? r.status),
          },
        ]
      : [],
  );
  const fields = {
    route: line.route,
    status: line.answer.status,
    durationMs: Math.round(line.durationMs),
    ...(line.storeMs === undefined ? {} : { storeMs: Math.round(line.storeMs) }),
    events: line.events.length,
    accepted: count('accepted'),
    ignored: count('ignored'),
    rejected: count('rejected'),
    failed: count('failed'),
    messageIds: messageIds.slice(0, 100),
    ...(messageIds.length > 100 ? { moreMessageIds: messageIds.length - 100 } : {}),
    ...(problems.length > 0 ? { problems: problems.slice(0, 100) } : {}),
  };
  if (line.answer.permanent !== undefined)
    logger.error(fields, `delivery failed for a reason retrying will not fix: ${scrub(line.answer.permanent)}`);
  else if (line.answer.status >= 400) logger.info(fields, 'delivery accepted except invalid events');
  else logger.info(fields, 'delivery accepted');
}

/** One line for a delivery refused before any event was stored (auth, size, type, JSON, a full queue). */
export function logRefused(
  logger: ReceiverLogger,
  line: { route: string; status: number; reason: string; retryAfterSeconds?: number },
): void {
  logger.warn(
    {
      route: line.route,
      status: line.status,
      ...(line.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: line.retryAfterSeconds }),
    },
    `delivery refused: ${line.reason}`,
  );
}

/** The drain's outcome for one lane's run: an error line per dead letter, a debug line per event to retry. */
export function logDrained(logger: ReceiverLogger, drained: readonly DrainedEvent[]): void {
  const scrub = scrubber(logger);
  for (const { event, raw, outcome, failure } of drained) {
    if (outcome !== 'dead' && outcome !== 'retry') continue;
    const messageId = messageIdOf(raw);
    const fields = {
      seq: event.seq,
      ...(messageId ? { messageId } : {}),
      attempts: event.attempts + 1,
      category: failure?.category,
    };
    const reason = scrub(failure?.message ?? 'failed');
    if (outcome === 'dead')
      logger.error(fields, `event moved to the dead letters: ${reason} (attio-plg queue retry puts it back)`);
    else
      logger.debug(
        { ...fields, nextAttemptAt: new Date(event.nextAttemptAt).toISOString() },
        `event stays queued and is tried again: ${reason}`,
      );
  }
}

function scrubber(logger: ReceiverLogger): (text: string) => string {
  return logger.isLevelEnabled('debug') ? (text) => text : maskEmails;
}

/** A text with each email address in it replaced by `[email]`. */
export function maskEmails(text: string): string {
  return text.replace(EMAIL, '[email]');
}
