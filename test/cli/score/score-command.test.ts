/** `attio-plg score` as a user runs it: the built CLI, no Attio, no API key in the environment. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BUILT, runCli, type CliRun } from '../../support/cli.js';

const SAMPLE = fileURLToPath(new URL('../../../examples/plg-events.jsonl', import.meta.url));
const SECOND_MODEL = fileURLToPath(new URL('../../../examples/account-model.json', import.meta.url));

describe.skipIf(!CLI_BUILT)('attio-plg score', () => {
  let dir: string;
  let single: CliRun;
  let compared: CliRun;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'attio-plg-score-'));
    [single, compared] = await Promise.all([
      runCli(['score', SAMPLE]),
      runCli(['score', SAMPLE, '--compare', SECOND_MODEL, '--html', join(dir, 'report.html')]),
    ]);
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints who qualifies on the sample month, with no Attio and no API key', () => {
    expect([single.code, single.stderr]).toEqual([0, '']);
    expect(single.stdout).toContain('Model default: ');
    expect(single.stdout).toContain('as of 2024-11-30 23:59 UTC');
    expect(single.stdout).toMatch(
      /Events: 2967 read, \d+ used, 57 redeliveries, \d+ not in the tracking plan, 94 rejected/,
    );
    expect(single.stdout).toMatch(/Users: 88 of \d+ qualified; now hot \d+, warm \d+, cold \d+/);
    const accounts = /Accounts: (\d+) of 60 qualified/.exec(single.stdout);
    expect(Number(accounts?.[1])).toBeGreaterThan(0);
    expect(single.stdout).toContain(`Qualified accounts (${accounts?.[1]}), by when they qualified:`);
    expect(single.stdout).toMatch(/\n {2}2024-11-\d\d \d\d:\d\d {2}\S.*\(\S+\.\S+\) +\d+(\.\d)? +hot/);
    expect(single.stdout).toMatch(/Top accounts now, with why:\n {2}.+: [\d.]+ \w+\n {4}Top users \+/);
  });

  it('compares two models: the counts of each change, then the accounts that change', () => {
    expect([compared.code, compared.stderr]).toEqual([0, '']);
    expect(compared.stdout).toContain(`Model A (default) against model B (${SECOND_MODEL}):`);
    const row = (what: string) =>
      new RegExp(`\\n {2}${what} +(\\d+) +(\\d+) +(\\d+) +(\\d+) +(\\d+) +(\\d+) +(\\d+)\\n`)
        .exec(compared.stdout)
        ?.slice(1)
        .map(Number);
    const [qa, qb, newly, noLonger, earlier, later, unchanged] = row('Accounts qualified') ?? [];
    expect(newly! + unchanged! + earlier! + later!).toBe(qb);
    expect(noLonger! + unchanged! + earlier! + later!).toBe(qa);
    expect(row('Users qualified')).toEqual([88, 88, 0, 0, 0, 0, 88]);
    if (newly! > 0) expect(compared.stdout).toContain(`Accounts newly qualified under B (${newly}):`);
    if (later! > 0)
      expect(compared.stdout).toMatch(
        /Accounts qualified later under B \(\d+\):\n {2}Account +A \(UTC\) +B \(UTC\) +Shift\n.+\+\d+\.\d d/,
      );
    expect(compared.stdout).toContain(`Report written to ${join(dir, 'report.html')}`);
  });

  it('writes a self-contained report: nothing to load from anywhere', async () => {
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('scores as of a date: the end of that day, later events left out', async () => {
    const run = await runCli(['score', SAMPLE, '--as-of', '2024-11-10']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/as of 2024-11-10 23:59 UTC\n {2}Events: .*; \d+ after the as-of moment left out/);
    expect(Number(/Users: (\d+) of/.exec(run.stdout)?.[1])).toBeLessThan(88);
  });

  it.each([
    [
      ['--as-of', 'last tuesday'],
      'attio-plg: --as-of must be a date such as 2024-11-30 or an ISO 8601 date-time, got "last tuesday"',
    ],
    [
      ['--as-of', '2024-02-30'],
      'attio-plg: --as-of must be a date such as 2024-11-30 or an ISO 8601 date-time, got "2024-02-30"',
    ],
    [
      ['--compare', SAMPLE.replace('plg-events.jsonl', 'missing.json')],
      `attio-plg: configuration: --compare: cannot read ${SAMPLE.replace('plg-events.jsonl', 'missing.json')}`,
    ],
  ])('refuses %j with one line, exit 2', async (args, message) => {
    const run = await runCli(['score', SAMPLE, ...args]);
    expect([run.code, run.stderr.trim(), run.stdout]).toEqual([2, message, '']);
  });

  it('names the setting of a model that does not add up', async () => {
    const path = join(dir, 'bad.json');
    await writeFile(path, JSON.stringify({ accountModel: { fit: { plan: { weight: 10, values: ['pro'] } } } }));
    const run = await runCli(['score', SAMPLE, '--config', path]);
    expect([run.code, run.stderr.trim()]).toEqual([
      2,
      'attio-plg: configuration: accountModel: weights must sum to 100, got 110 (topUsers 50 + activeSeats 20 + featureBreadth 30 + fit.plan 10)',
    ]);
  });

  it('explains itself with --help', async () => {
    const run = await runCli(['score', '--help']);
    expect(run.code).toBe(0);
    for (const option of [
      '--config <A.json>',
      '--compare <B.json>',
      '--html <report.html>',
      '--as-of <DATE>',
      'docs/scoring.md',
    ])
      expect(run.stdout).toContain(option);
  });
});
