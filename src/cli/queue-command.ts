/**
 * `attio-plg queue status|dead-letters|retry [--data-dir DIR]` — the receiver's queue on disk, read and
 * repaired beside a running `attio-plg serve` (or without one): how much waits and how old it is, the events
 * that failed for good and why, and putting them back once the cause is fixed (a stage added, a token
 * replaced). Email addresses in reasons are masked; events' traits are never printed.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { messageIdOf } from '../mapping/event-keys.js';
import { maskEmails } from '../destinations/http/log.js';
import { DEFAULT_DATA_DIR, QueueStore, type DeadLetter } from '../destinations/http/queue/index.js';
import { QUEUE_FILE } from '../destinations/http/queue/store.js';
import { UsageError, wholeNumber } from './usage.js';

export interface QueueOptions {
  dataDir: string;
  json: boolean;
}
export interface DeadLetterOptions extends QueueOptions {
  limit: number;
}
export interface RetryOptions {
  dataDir: string;
  all: boolean;
}

type Exit = (code: number) => void;
const print = (text: string) => process.stdout.write(`${text}\n`);
const dataDirOption = [
  '--data-dir <DIR>',
  'the receiver’s data directory (as given to serve)',
  DEFAULT_DATA_DIR,
] as const;

/** The command and its three subcommands, each with its own --help; `exit` receives each one's exit status. */
export function queueCommand(exit: Exit): Command {
  const queue = new Command('queue').description(
    'the receiver’s queue on disk: status, dead letters, and retrying them',
  );
  queue.addCommand(
    new Command('status')
      .description('events waiting, the oldest one’s age, those backing off after a failure, and dead letters')
      .option(...dataDirOption)
      .option('--json', 'print one JSON object', false)
      .action((options: QueueOptions) => exit(queueStatus(options))),
  );
  queue.addCommand(
    new Command('dead-letters')
      .description('events that failed for a reason retrying will not fix, with the reason')
      .option(...dataDirOption)
      .option('--limit <N>', 'at most this many, oldest first', wholeNumber('--limit', 1, 100_000), 100)
      .option('--json', 'print one JSON object a line', false)
      .action((options: DeadLetterOptions) => exit(listDeadLetters(options))),
  );
  queue.addCommand(
    new Command('retry')
      .description(
        'put dead letters back in the queue once their cause is fixed; a running receiver takes them within a second',
      )
      .argument('[SEQ...]', 'the dead letters to put back, by seq (see dead-letters)')
      .option(...dataDirOption)
      .option('--all', 'put every dead letter back', false)
      .action((seqs: string[], options: RetryOptions) => exit(retryDeadLetters(seqs, options))),
  );
  for (const command of queue.commands) command.exitOverride().configureOutput({ outputError: () => {} });
  return queue;
}

function openStore(dataDir: string): QueueStore {
  if (!existsSync(join(dataDir, QUEUE_FILE)))
    throw new UsageError(`no queue in ${resolve(dataDir)} (--data-dir: the directory serve was started with)`);
  return new QueueStore({ dataDir });
}

export function queueStatus(options: QueueOptions): number {
  const store = openStore(options.dataDir);
  try {
    const stats = store.stats();
    const now = Date.now();
    const oldestAgeSeconds =
      stats.oldestReceivedAt === undefined ? null : Math.max(0, Math.round((now - stats.oldestReceivedAt) / 1000));
    const backingOff = store.backingOff();
    const next = store.nextAttemptAt();
    if (options.json) {
      print(
        JSON.stringify({
          dataDir: resolve(options.dataDir),
          queued: stats.depth,
          oldestAgeSeconds,
          backingOff,
          deadLetters: stats.deadLetters,
        }),
      );
      return 0;
    }
    print(`queue in ${resolve(options.dataDir)}`);
    print(
      `  waiting:       ${stats.depth} events${oldestAgeSeconds === null ? '' : ` (the oldest queued ${oldestAgeSeconds} s ago)`}`,
    );
    print(
      `  backing off:   ${backingOff}${next === undefined ? '' : ` (next try in ${Math.max(0, Math.ceil((next - now) / 1000))} s)`}`,
    );
    print(`  dead letters:  ${stats.deadLetters}${stats.deadLetters > 0 ? ' (attio-plg queue dead-letters)' : ''}`);
    return 0;
  } finally {
    store.close();
  }
}

export function listDeadLetters(options: DeadLetterOptions): number {
  const store = openStore(options.dataDir);
  try {
    const letters = store.deadLetters(options.limit).map(describe);
    if (options.json) {
      for (const letter of letters) print(JSON.stringify(letter));
      return 0;
    }
    if (letters.length === 0) {
      print('no dead letters');
      return 0;
    }
    for (const l of letters)
      print(
        `${l.seq}  ${l.failedAt}  ${l.event}${l.messageId ? ` ${l.messageId}` : ''}  after ${l.attempts} attempt${l.attempts === 1 ? '' : 's'}  [${l.category}] ${l.reason}`,
      );
    print(`\n${letters.length} shown. Fix the cause, then: attio-plg queue retry --all (or retry SEQ...)`);
    return 0;
  } finally {
    store.close();
  }
}

export function retryDeadLetters(seqs: readonly string[], options: RetryOptions): number {
  if (options.all === seqs.length > 0)
    throw new UsageError('name the dead letters to put back (their seq) or give --all, not both');
  const numbers = seqs.map((raw) => {
    const seq = Number(raw);
    if (!Number.isInteger(seq) || seq < 1)
      throw new UsageError(`SEQ must be a dead letter's seq (a whole number), got "${raw}"`);
    return seq;
  });
  const store = openStore(options.dataDir);
  try {
    const moved = store.retryDeadLetters(options.all ? 'all' : numbers);
    print(`put ${moved} dead letter${moved === 1 ? '' : 's'} back in the queue`);
    if (!options.all && moved < numbers.length) {
      process.stderr.write(
        `attio-plg: ${numbers.length - moved} of the given seqs are not dead letters (see attio-plg queue dead-letters)\n`,
      );
      return 1;
    }
    return 0;
  } finally {
    store.close();
  }
}

function describe(letter: DeadLetter) {
  let raw: unknown;
  try {
    raw = JSON.parse(letter.payload);
  } catch {
    raw = undefined;
  }
  const { type, event } = (raw ?? {}) as { type?: unknown; event?: unknown };
  const messageId = messageIdOf(raw);
  return {
    seq: letter.seq,
    failedAt: new Date(letter.failedAt).toISOString(),
    event: typeof event === 'string' ? `track "${event}"` : typeof type === 'string' ? type : 'event',
    ...(messageId ? { messageId } : {}),
    attempts: letter.attempts,
    category: letter.category,
    reason: maskEmails(letter.reason),
  };
}
