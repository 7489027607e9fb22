/** The built package, imported as `attio-plg/rudderstack` by plain node (npm test builds dist/ first). */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./fixtures/import-dist.mjs', import.meta.url));

describe('attio-plg/rudderstack from dist', () => {
  it('plain node imports process and processRouterDest and applies a signup on the emulator', async () => {
    expect(existsSync(`${ROOT}dist/destinations/rudderstack/index.js`), 'dist/ is missing: run npm run build').toBe(true);
    const { stdout } = await promisify(execFile)(process.execPath, [SCRIPT], { cwd: ROOT });
    const result = JSON.parse(stdout) as { router: unknown[]; single: unknown; writes: string[] };
    expect(result.router).toEqual([
      { batchedRequest: [], metadata: [{ jobId: 1 }], batched: false, statusCode: 299, destination: { ID: 'dest-dist', Config: { apiUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) } } },
    ]);
    expect(result.single).toEqual({ statusCode: 299, status: 'applied', workflows: ['signup'] });
    const signup = ['PUT /v2/objects/companies/records', 'PUT /v2/objects/people/records', 'PUT /v2/lists/active_trials/entries'];
    expect(result.writes).toEqual([...signup, ...signup]);
  });
});
