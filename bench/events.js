/**
 * Segment-spec events for the benchmarks (the same shapes as test/support/e2e.ts builds), and an in-memory
 * transport over the emulator's own request handlers, so that CPU can be measured without HTTP, and an
 * emulator with a configuration on it whose budgets are off, for counting writes.
 */
import { createWorkspace } from '../dist/emulator/seeds.js';
import { Router } from '../dist/emulator/router.js';
import { metaRoutes } from '../dist/emulator/routes/meta.js';
import { recordRoutes } from '../dist/emulator/routes/records.js';
import { entryRoutes } from '../dist/emulator/routes/entries.js';
import { noteRoutes } from '../dist/emulator/routes/notes.js';
import { taskRoutes } from '../dist/emulator/routes/tasks.js';
import { attioTimestamp } from '../dist/emulator/store.js';
import { EMULATOR_API_KEY, startEmulator } from '../dist/emulator/index.js';
import { parseConfig } from '../dist/core/config/index.js';

let counter = 0;
export const at = (day, hour = 10) => new Date(Date.UTC(2024, 10, day, hour)).toISOString();
const nameOf = (email) =>
  email
    .split('@')[0]
    .split('.')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join(' ');
const base = (email, day) => ({
  messageId: `b${++counter}`,
  userId: `u-${email}`,
  timestamp: at(day),
  context: { traits: { email, name: nameOf(email) } },
});

export const signedUp = (email, day) => ({
  type: 'track',
  event: 'Signed Up',
  ...base(email, day),
  context: { traits: { email, name: nameOf(email), title: 'Product Lead' } },
  properties: { plan: 'trial', source: 'website' },
});
export const identify = (email, day, traits = {}) => ({
  type: 'identify',
  messageId: `b${++counter}`,
  userId: `u-${email}`,
  timestamp: at(day),
  traits: { email, name: nameOf(email), ...traits },
});
export const milestone = (email, event, day) => ({ type: 'track', event, ...base(email, day), properties: {} });
export const usage = (email, day, signals) => ({
  type: 'track',
  event: 'Usage Summary',
  ...base(email, day),
  properties: signals,
});

export const WARM = {
  logins_7d: 6,
  features_activated: 1,
  team_invites: 2,
  integrations_connected: 0,
  records_imported: 10,
  active_days_14d: 2,
};
export const QUALIFYING = {
  logins_7d: 9,
  features_activated: 4,
  team_invites: 3,
  integrations_connected: 2,
  records_imported: 500,
  active_days_14d: 9,
};

/** 100 events from 10 users: a signup, an identify, three milestones and five usage summaries each. */
export function tenUsersBatch() {
  const events = [];
  for (let u = 0; u < 10; u++) {
    const email = `user${u}.${counter}@company${u}-${counter}.io`;
    events.push(signedUp(email, 1), identify(email, 1, { plan: 'pro' }));
    ['Onboarding Completed', 'Integration Connected', 'Data Imported'].forEach((event, i) =>
      events.push(milestone(email, event, 2 + i)),
    );
    for (let d = 0; d < 5; d++) events.push(usage(email, 5 + d, { ...WARM, logins_7d: d }));
  }
  return events;
}

/** Attio in memory: the emulator's handlers called directly, no HTTP and no rate limit. */
export function inMemoryTransport() {
  const ws = createWorkspace('plg-demo');
  const router = new Router([...metaRoutes, ...recordRoutes, ...entryRoutes, ...noteRoutes, ...taskRoutes]);
  return {
    async send(request) {
      const route = router.match(request.method, request.path);
      if (!route)
        return {
          status: 404,
          headers: {},
          body: { status_code: 404, type: 'invalid_request_error', code: 'not_found', message: request.path },
        };
      const query = Object.fromEntries(
        Object.entries(request.query ?? {})
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, String(v)]),
      );
      try {
        const reply = route.handler({
          ws,
          params: route.params,
          query,
          body: request.body,
          write: { ws, now: attioTimestamp(), actor: { type: 'api-token', id: ws.tokenId } },
        });
        return { status: reply.status, headers: {}, body: JSON.parse(JSON.stringify(reply.body)) };
      } catch (error) {
        if (typeof error?.toBody === 'function') return { status: error.status, headers: {}, body: error.toBody() };
        throw error;
      }
    },
  };
}

/** An emulator seeded with plg-demo, and a configuration for it with `settings` and no budget to wait on. */
export async function unthrottledEmulator(salesReps, settings = {}) {
  const emulator = await startEmulator({ seed: 'plg-demo' });
  const config = parseConfig(
    {
      apiKey: EMULATOR_API_KEY,
      apiUrl: emulator.url,
      salesReps,
      readsPerSecond: 100_000,
      writesPerSecond: 100_000,
      ...settings,
    },
    {},
  );
  return { emulator, config };
}
