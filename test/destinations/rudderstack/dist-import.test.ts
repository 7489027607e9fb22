/** The built package, imported as `attio-plg/rudderstack` by plain node (npm test builds dist/ first). */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./fixtures/import-dist.mjs', import.meta.url));

describe('attio-plg/rudderstack from dist', () => {
  it('plain node imports process and processRouterDest: a signup’s id-producing writes are made, its trial entry returned for rudder-server', async () => {
    expect(existsSync(`${ROOT}dist/destinations/rudderstack/index.js`), 'dist/ is missing: run npm run build').toBe(
      true,
    );
    const { stdout } = await promisify(execFile)(process.execPath, [SCRIPT], { cwd: ROOT });
    const result = JSON.parse(stdout) as { router: unknown[]; single: unknown; writes: string[] };
    // The transformer makes the writes whose ids later steps need; the trial entry is left for rudder-server.
    const trialEntry = {
      version: '1',
      type: 'REST',
      method: 'PUT',
      endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v2\/lists\/active_trials\/entries$/),
      endpointPath: '/v2/lists/active_trials/entries',
      userId: '',
      headers: { Authorization: 'Bearer emulator-key', 'Content-Type': 'application/json', Accept: 'application/json' },
      params: {},
      body: {
        JSON: {
          data: {
            parent_record_id: expect.any(String),
            parent_object: 'people',
            entry_values: { trial_started_at: ['2024-11-01T10:00:00.000Z'] },
          },
        },
        JSON_ARRAY: {},
        XML: {},
        FORM: {},
      },
      files: {},
    };
    expect(result.router).toEqual([
      {
        batchedRequest: [trialEntry],
        metadata: [{ jobId: 1 }],
        batched: false,
        statusCode: 200,
        destination: { ID: 'dest-dist', Config: {} },
      },
    ]);
    // Nothing delivered the first job's entry, so the second delivery of the signup still returns it.
    expect(result.single).toEqual([trialEntry]);
    expect(result.writes).toEqual(['PUT /v2/objects/companies/records', 'PUT /v2/objects/people/records']);
  });
});
