/**
 * Streams a JSONL file one event at a time: memory stays bounded whatever the file's size, because the
 * consumer pulls lines only as fast as it delivers them.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

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
        yield { line, bytes, error: `line ${line} is not valid JSON (${error instanceof Error ? error.message : 'parse error'})` };
      }
    }
  } finally {
    lines.close();
    input.destroy();
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
