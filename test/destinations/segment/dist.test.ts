import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const built = existsSync(new URL('../../../dist/destinations/segment/index.js', import.meta.url));

// `npm test` builds dist/ first; a bare `vitest run` without a build skips this with the reason shown.
describe.skipIf(!built)('the built package (dist/) in plain node', () => {
  it('imports attio-plg/segment through the package export and runs an action on Segment’s runtime', () => {
    const script = `
      import definition from 'attio-plg/segment';
      import { createRequire } from 'node:module';
      const { Destination } = createRequire(import.meta.url)('@segment/actions-core');
      const destination = new Destination(definition);
      const results = await destination.onEvent(
        { type: 'track', event: 'Signed Up', messageId: 'm-1', timestamp: '2024-11-04T10:00:00.000Z', context: { traits: {} }, properties: {} },
        { apiKey: 'k', subscription: definition.presets[0] },
      ).catch((error) => [{ error: error.name + ': ' + error.message }]);
      console.log(JSON.stringify({ name: definition.name, actions: Object.keys(definition.actions), results }));
    `;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    const parsed = JSON.parse(output.trim().split('\n').at(-1) ?? '{}');
    expect(parsed.name).toBe('Attio-PLG');
    expect(parsed.actions).toEqual(['signup', 'trackMilestone', 'updatePqlScore', 'salesHandoff', 'identifyUser', 'groupWorkspace', 'assertRecord']);
    // The subscription matched and the payload was validated before any request: no email, no network.
    expect(parsed.results).toEqual([{ error: "AggregateAjvError: The root value is missing the required field 'email'." }]);
  });
});

if (!built) console.warn('dist/ is absent: run `npm run build` to test the built package in plain node');
