/** `attio-plg check` and the read-only `attio-plg setup`, run as a user would (the built CLI, a subprocess). */
import { afterEach, describe, expect, it } from 'vitest';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { CLI_BUILT, runCli } from '../support/cli.js';

let emulator: EmulatorHandle | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(seed: 'plg-demo' | 'empty'): Promise<Record<string, string>> {
  emulator = await startEmulator({ seed });
  return { ATTIO_API_KEY: EMULATOR_API_KEY, ATTIO_API_URL: emulator.url };
}

const writes = (e: EmulatorHandle) => e.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);

async function configFile(settings: Record<string, unknown>): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'attio-plg-check-')), 'config.json');
  await writeFile(path, JSON.stringify(settings));
  return path;
}

describe.skipIf(!CLI_BUILT)('attio-plg check', () => {
  it('exits 0 on a workspace that has everything the configuration needs', async () => {
    const run = await runCli(['check'], await start('plg-demo'));
    expect([run.code, run.stdout.trim(), run.stderr]).toEqual([
      0,
      'Attio workspace "PLG Demo" (plg-demo) is ready for this configuration.',
      '',
    ]);
  });

  it('exits 1 on a new workspace, naming each missing thing with its fix; --json prints one object', async () => {
    const env = await start('empty');
    const run = await runCli(['check', '--json'], env);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0] ?? '') as {
      ready: boolean;
      workspace: string;
      problems: Array<{ subject: string; problem: string; fix: string }>;
      notes: string[];
    };
    expect([report.ready, report.workspace]).toEqual([false, 'empty-workspace']);
    expect(report.problems.map((p) => p.subject)).toEqual([
      ...[
        'signup_date',
        'signup_source',
        'plan_type',
        'pql_score',
        'pql_tier',
        'pql_explanation',
        'pql_scored_at',
        'pql_qualified_at',
        'last_activity_date',
        'activation_score',
        'milestones_completed',
        'profile_updated_at',
      ].map((s) => `people.${s}`),
      'companies.pql_score',
      'companies.account_updated_at',
      'companies.plan_type',
      'pqlStage',
      'handoffStage',
      'trialList',
      'pqlList',
    ]);
    expect(report.problems.every((p) => p.fix.startsWith('run `attio-plg setup --apply`'))).toBe(true);
    expect(report.notes.some((n) => n.includes('cross-process safety is off'))).toBe(true);
    expect(writes(emulator!)).toEqual([]);

    const text = await runCli(['check'], env);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      '  ✗ pqlStage: deal stage "Product Qualified" does not exist; deals.stage has: Lead, In Progress, Won 🎉, Lost\n',
    );
    expect(text.stdout).toContain(
      '  ✗ people.milestones_completed does not exist; with it: option "onboarding_completed", option "first_integration"',
    );
  });

  it('names a sales rep who is not a member, and a refused key, without repeating the key', async () => {
    const env = await start('plg-demo');
    const reps = await runCli(['check', '--config', await configFile({ salesReps: ['nobody@plg-demo.test'] })], env);
    expect(reps.code).toBe(1);
    expect(reps.stdout).toContain('✗ salesReps: "nobody@plg-demo.test" is not a member of this Attio workspace');
    const refused = await runCli(['check'], { ...env, ATTIO_API_KEY: 'not-the-emulator-key-1234' });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('✗ apiKey: Attio refused the access token (401');
    expect(refused.stdout + refused.stderr).not.toContain('not-the-emulator-key-1234');
  });

  it('usage errors exit 2', async () => {
    const run = await runCli(['check', '--apply'], await start('plg-demo'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^attio-plg: unknown option '--apply'/);
  });
});

describe.skipIf(!CLI_BUILT)('attio-plg setup without --apply', () => {
  it('prints the plan and sends no write', async () => {
    const run = await runCli(['setup'], await start('empty'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Setup plan for Attio workspace "Empty Workspace" \(empty-workspace\):\nWill create \(40\):\n {2}people\.signup_date: date attribute "Signup date"\n/,
    );
    expect(run.stdout).toContain(
      'Cannot be done through the API (do it in Attio) (2):\n  users: the users object (recommended)\n',
    );
    expect(run.stdout).toContain('Nothing was written. Run `attio-plg setup --apply` to create the 40 missing items.');
    expect(writes(emulator!)).toEqual([]);
  });

  it('on a complete workspace, there is nothing to create', async () => {
    const run = await runCli(['setup', '--json'], await start('plg-demo'));
    const out = JSON.parse(run.stdout) as { ready: boolean; applied: boolean; plan: Array<{ state: string }> };
    expect([run.code, out.ready, out.applied, out.plan.filter((i) => i.state !== 'exists')]).toEqual([
      0,
      true,
      false,
      [],
    ]);
  });
});
