import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../src/core/setup/index.js';
import { createReadiness } from '../../../src/destinations/http/readiness.js';

const passing: CheckReport = { ready: true, problems: [], notes: [] };
const failing: CheckReport = {
  ready: false,
  problems: [
    {
      kind: 'missing-stage',
      subject: 'pqlStage',
      problem: '"Product Qualified" is not a stage of deals',
      fix: 'run attio-plg setup --apply',
    },
  ],
  notes: [],
};

function fixture(reports: Array<CheckReport | Error>) {
  let t = 0;
  let checks = 0;
  const readiness = createReadiness({
    check: async () => {
      const next = reports[Math.min(checks++, reports.length - 1)] as CheckReport | Error;
      if (next instanceof Error) throw next;
      return next;
    },
    ttlMs: 10_000,
    holdMs: 60_000,
    now: () => t,
  });
  /** The state once any check it started has settled. */
  const settled = async () => {
    await readiness.state();
    await new Promise((resolve) => setImmediate(resolve));
    return readiness.state();
  };
  return { readiness, settled, advance: (ms: number) => (t += ms), checks: () => checks };
}

describe('readiness', () => {
  it('checks once per ttl however often it is asked, and answers the last result while a new one runs', async () => {
    const f = fixture([passing, failing]);
    await Promise.all([f.readiness.state(), f.readiness.state(), f.readiness.state()]);
    expect(f.checks()).toBe(1);
    f.advance(9_999);
    expect((await f.readiness.state()).ready).toBe(true);
    expect(f.checks()).toBe(1);
    f.advance(1);
    expect((await f.readiness.state()).ready).toBe(true); // the stale answer, while the new check runs
    await new Promise((resolve) => setImmediate(resolve));
    expect(await f.readiness.state()).toMatchObject({ ready: false, problems: failing.problems });
    expect(f.checks()).toBe(2);
  });

  it('is not ready when the check cannot run (Attio does not answer)', async () => {
    const f = fixture([new Error('Attio GET /v2/self failed (network): connection failed (ECONNREFUSED)')]);
    expect(await f.readiness.state()).toMatchObject({
      ready: false,
      problems: [{ subject: 'Attio', problem: expect.stringMatching(/could not run: .*ECONNREFUSED/) }],
    });
  });

  it('a permanent delivery failure fails it at once and asks for a fresh check; it holds until a passing check after the hold', async () => {
    const f = fixture([passing]);
    await f.readiness.state();
    f.readiness.permanentFailure('pqlStage: "Product Qualified" is not a stage of deals');
    expect(await f.settled()).toMatchObject({ ready: false, deliveryFailure: expect.stringMatching(/^pqlStage/) });
    expect(f.checks()).toBe(2);
    f.advance(59_000);
    expect((await f.settled()).ready).toBe(false);
    f.advance(1_000); // the hold is over, but the last check (at 59 s) ran during it
    expect((await f.settled()).ready).toBe(false);
    f.advance(10_000); // the next check, after the hold, passes
    expect((await f.settled()).ready).toBe(true);
  });

  it('a problem of the moment (the queue falling behind) fails it at every probe it is there, without a check', async () => {
    let behind = true;
    const queueProblem = {
      kind: 'queue-lagging' as const,
      subject: 'queue',
      problem: 'the oldest of 3 queued events is 3700 s old (bound 3600 s): the drain is not keeping up',
      fix: 'see the log',
    };
    const readiness = createReadiness({
      check: async () => passing,
      queueProblems: () => (behind ? [queueProblem] : []),
    });
    expect(await readiness.state()).toMatchObject({ ready: false, problems: [queueProblem] });
    behind = false;
    expect(await readiness.state()).toMatchObject({ ready: true, problems: [] });
  });
});
