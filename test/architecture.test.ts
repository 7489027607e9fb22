/**
 * The direction of `src`'s imports (.dependency-cruiser.cjs, `npm run lint:deps`): no runtime import cycle,
 * the core below the mapping and the adapters, the emulator apart from the connector. Type-only imports may
 * point anywhere.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const depcruise = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** The rule violations dependency-cruiser finds under `path`, with the repository's configuration. */
function violationsIn(path: string): Promise<Violation[]> {
  return new Promise((resolve, reject) => {
    // It exits non-zero when it finds violations: the JSON on stdout says which.
    execFile(
      process.execPath,
      [depcruise, path, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => {
        try {
          resolve((JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations);
        } catch {
          reject(error ?? new Error('dependency-cruiser printed no report'));
        }
      },
    );
  });
}

const named = (violations: Violation[]) => violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);

describe('import direction', () => {
  it('src has no runtime import cycle and keeps every layer’s direction', async () => {
    expect(named(await violationsIn('src'))).toEqual([]);
  }, 180_000);

  it('a cycle of runtime imports is found; one that closes only through `import type` is not', async () => {
    expect(named(await violationsIn('test/fixtures/import-cycles'))).toEqual([
      'no-circular: test/fixtures/import-cycles/a.ts → test/fixtures/import-cycles/b.ts',
    ]);
  }, 180_000);
});
