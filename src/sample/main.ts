import { once } from 'node:events';
import { createWriteStream, realpathSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateLabelledEvents, type Expectation, type PlgSampleOptions } from './generate.js';

/**
 * Writes the sample stream as JSONL: `node dist/sample/main.js [--out FILE] [--events N | --companies N]
 * [--seed S]`. Without arguments it regenerates `examples/plg-events.jsonl`.
 */

export const DEFAULT_SAMPLE_PATH = fileURLToPath(new URL('../../examples/plg-events.jsonl', import.meta.url));

/** Events per company in the default stream, with room to spare so that `--events N` generates enough. */
const EVENTS_PER_COMPANY = 45;

export interface SampleFileOptions extends PlgSampleOptions {
  /** Stop after this many events (the stream is cut in time order). */
  maxEvents?: number;
}

export type SampleFileCounts = Record<Expectation, number> & { events: number; bytes: number };

/** Streams the sample to `path`, one JSON event per line, waiting for the disk whenever the buffer is full. */
export async function writeSampleFile(path: string, options: SampleFileOptions = {}): Promise<SampleFileCounts> {
  const { maxEvents = Number.POSITIVE_INFINITY, ...sample } = options;
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path, { encoding: 'utf8' });
  const counts: SampleFileCounts = { events: 0, bytes: 0, valid: 0, invalid: 0, duplicate: 0, ignored: 0 };
  try {
    for (const { event, expect } of generateLabelledEvents(sample)) {
      if (counts.events >= maxEvents) break;
      const line = `${JSON.stringify(event)}\n`;
      counts.events++;
      counts[expect]++;
      counts.bytes += Buffer.byteLength(line);
      if (!out.write(line)) await once(out, 'drain');
    }
    out.end();
    await finished(out);
  } catch (error) {
    out.destroy();
    throw error;
  }
  return counts;
}

export function sampleOptionsFromArgs(args: string[]): { path: string; options: SampleFileOptions } {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      events: { type: 'string' },
      companies: { type: 'string' },
      seed: { type: 'string' },
    },
    strict: true,
  });
  if (values.events !== undefined && values.companies !== undefined)
    throw new Error('give --events or --companies, not both');
  const events = values.events === undefined ? undefined : wholeNumber('--events', values.events);
  const options: SampleFileOptions = {};
  if (values.seed !== undefined) options.seed = wholeNumber('--seed', values.seed);
  if (values.companies !== undefined) options.companies = wholeNumber('--companies', values.companies);
  if (events !== undefined) {
    options.maxEvents = events;
    options.companies = Math.max(1, Math.ceil(events / EVENTS_PER_COMPANY));
  }
  return { path: values.out ?? DEFAULT_SAMPLE_PATH, options };
}

function wholeNumber(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${flag} must be a whole number, got "${text}"`);
  return value;
}

async function main(args: string[]): Promise<void> {
  const { path, options } = sampleOptionsFromArgs(args);
  const counts = await writeSampleFile(path, options);
  process.stdout.write(
    `wrote ${counts.events} events to ${path} (${counts.valid} valid, ${counts.ignored} ignored, ` +
      `${counts.duplicate} redelivered, ${counts.invalid} invalid; ${counts.bytes} bytes)\n`,
  );
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  return script !== undefined && import.meta.url === pathToFileURL(realpathSync(script)).href;
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
