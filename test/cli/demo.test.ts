import { describe, expect, it } from 'vitest';
import { CLI_BUILT, runCli } from '../support/cli.js';

describe.skipIf(!CLI_BUILT)('attio-plg demo', () => {
  it('replays the sample through both adapters on the emulator and reports the CRM', async () => {
    // About 35 s alone on two cores; the suite runs beside it, so the run gets room to finish.
    const run = await runCli(['demo'], {}, 280_000);
    expect(run.code, run.stderr).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/Pass 1 via the Segment destination .*: 2967 events in/);
    expect(out).toMatch(/Pass 2: the same events again via the RudderStack destination .*: 2967 events in/);
    // The counts name what they count, and the second pass creates nothing.
    expect(out).toMatch(
      /Created in Attio by pass 1: \d+ people, \d+ companies, \d+ deals, \d+ list entries, \d+ notes, \d+ tasks\n/,
    );
    expect(out).toContain('Created by pass 2: nothing (redelivery changes nothing)');
    // The two passes' rejections differ only where the output says why.
    const rejected = [...out.matchAll(/\n {2}total +\d+ +(\d+) +0\n/g)].map((m) => Number(m[1]));
    expect(rejected).toHaveLength(2);
    const [first = 0, second = 0] = rejected;
    if (second !== first)
      expect(out).toContain(
        `Pass 2 rejected ${second - first} events that pass 1 applied. Segment's runtime converts some values`,
      );
    expect(out.match(/^ {2}line \d+ \(/gm)?.length ?? 0).toBe(Math.abs(second - first));
    expect(out).toMatch(/\n {2}total +\d+ +\d+ +0\n/);
    expect(out).toMatch(/People \d+ · Companies \d+ · Deals \d+ \(Product Qualified \d+ · Sales Qualified \d+\)/);
    expect(out).toMatch(/Lists: active_trials \d+ · pql_queue \d+/);
    expect(out).toMatch(/Notes: Activation Milestone \d+ · PQL Qualified \d+ · PLG Handoff Context \d+/);
    expect(out).toMatch(/Top PQLs\n {2}1\. .+ — 100 hot\n {5}Logins \(7d\) \d+>=5 \+10/);
    // The demo scores accounts: the first to qualify, with tier and explanation (which users, which signals).
    expect(out).toMatch(/Accounts by tier: .*hot \d+/);
    expect(out).toMatch(
      /First qualified accounts \(PQA\)\n {2}1\. .+ — [\d.]+ \w+, qualified 2024-\d\d-\d\d\n {5}Top users \+[\d.]+ \(/,
    );
    expect(out).toMatch(/Rejected events \(\d+\), by reason:\n +\d+ {2}.+\n/);
  }, 300_000);
});
