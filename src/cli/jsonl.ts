/**
 * Streams a JSONL file one event at a time: memory stays bounded whatever the file's size, because the
 * consumer pulls lines only as fast as it delivers them.
 */
import { constants, createReadStream } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { UsageError } from './usage.js';

export type JsonLine = { line: number; bytes: number; event: unknown } | { line: number; bytes: number; error: string };

export async function* readJsonLines(path: string): AsyncGenerator<JsonLine> {
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line++;
      const bytes = Buffer.byteLength(text) + 1;
      if (text.trim() === '') continue;
      try {
        yield { line, bytes, event: JSON.parse(text) as unknown };
      } catch (error) {
        yield {
          line,
          bytes,
          error: `line ${line} is not valid JSON (${error instanceof Error ? error.message : 'parse error'})`,
        };
      }
    }
  } finally {
    lines.close();
    input.destroy();
  }
}

/** Fails with one line (a usage error, exit 2) when `path` is not a readable file. */
export async function assertReadableFile(path: string): Promise<void> {
  try {
    if (!(await stat(path)).isFile()) throw new UsageError(`cannot read ${path}: it is not a file`);
    await access(path, constants.R_OK);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : (code ?? 'unreadable');
    throw new UsageError(`cannot read ${path}: ${why}`);
  }
}

/** Groups a stream into arrays of at most `size`. */
export async function* inBatches<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
