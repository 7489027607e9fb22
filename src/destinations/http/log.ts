/**
 * The receiver's structured log (pino): one JSON line per delivery with its route, answer, counts,
 * messageIds and each problem's reason. Never a secret (no header is logged) and, at the default level,
 * no personal traits: an email address inside a reason is masked. At `debug` the reasons are kept whole.
 */
import pino from 'pino';
import type { EventResult } from '../../core/engine.js';
import type { Logger as CoreLogger } from '../../core/logger.js';
import type { Answer } from './answer.js';

export type ReceiverLogger = pino.Logger;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function createReceiverLogger(level: LogLevel = 'info', destination?: pino.DestinationStream): ReceiverLogger {
  return pino({ level, base: { service: 'attio-plg-receiver' }, timestamp: pino.stdTimeFunctions.isoTime }, destination ?? pino.destination({ dest: 1, sync: true }));
}

export const silentReceiverLogger: ReceiverLogger = pino({ level: 'silent' });

/** The core's warnings (settings it chose to skip) as log lines. */
export function coreLoggerFor(logger: ReceiverLogger): CoreLogger {
  return { warn: (message) => logger.warn(message), info: (message) => logger.info(message) };
}

const EMAIL = /[^\s"'<>(),;:@]+@[^\s"'<>(),;:@]+\.[^\s"'<>(),;:@]+/g;

/** One line for one answered delivery. */
export function logDelivery(logger: ReceiverLogger, line: { route: string; events: readonly unknown[]; results: readonly EventResult[]; answer: Answer; durationMs: number }): void {
  const personal = logger.isLevelEnabled('debug');
  const scrub = (text: string) => (personal ? text : text.replace(EMAIL, '[email]'));
  const messageIds = line.results.map((r) => r.messageId).filter((id): id is string => id !== undefined);
  const count = (status: EventResult['status']) => line.results.filter((r) => r.status === status).length;
  const problems = line.results.flatMap((r, index) =>
    r.status === 'rejected' || r.status === 'failed' ? [{ index, ...(r.messageId ? { messageId: r.messageId } : {}), outcome: r.status, category: r.failure?.category, reason: scrub(r.failure?.message ?? r.status) }] : [],
  );
  const fields = {
    route: line.route,
    status: line.answer.status,
    durationMs: Math.round(line.durationMs),
    events: line.events.length,
    applied: count('applied'),
    ignored: count('ignored'),
    rejected: count('rejected'),
    failed: count('failed'),
    messageIds: messageIds.slice(0, 100),
    ...(messageIds.length > 100 ? { moreMessageIds: messageIds.length - 100 } : {}),
    ...(problems.length > 0 ? { problems: problems.slice(0, 100) } : {}),
    ...(line.answer.retryAfterSeconds !== undefined ? { retryAfterSeconds: line.answer.retryAfterSeconds } : {}),
  };
  if (line.answer.permanent !== undefined) logger.error(fields, `delivery failed for a reason retrying will not fix: ${scrub(line.answer.permanent)}`);
  else if (line.answer.status >= 429) logger.warn(fields, 'delivery deferred: the sender will retry');
  else if (line.answer.status >= 400) logger.info(fields, 'delivery applied except invalid events');
  else logger.info(fields, 'delivery applied');
}

/** One line for a delivery refused before any event was looked at (auth, size, type, JSON). */
export function logRefused(logger: ReceiverLogger, line: { route: string; status: number; reason: string }): void {
  logger.warn({ route: line.route, status: line.status }, `delivery refused: ${line.reason}`);
}
