/** The CLI explains itself: help for every command, one-line usage errors (exit 2), no internal errors for odd input. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { CLI_BUILT, jsonSummary, runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'attio-plg-messages-'));

describe.skipIf(!CLI_BUILT)('attio-plg messages', () => {
  it('with no command prints the commands and exits 0', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: attio-plg \[options\] \[command\]/);
    for (const command of ['demo', 'replay', 'emulator', 'serve'])
      expect(run.stdout).toMatch(new RegExp(`\\n  ${command} `));
  });

  it.each([
    ['demo', '--file <FILE.jsonl>'],
    ['replay', '--batch-size <N>'],
    ['emulator', '--faults <LIST>'],
    ['serve', 'ATTIO_PLG_WEBHOOK_SECRET'],
  ])('%s --help explains the command and exits 0', async (command, mentions) => {
    const run = await runCli([command, '--help']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toMatch(new RegExp(`^Usage: attio-plg ${command} `));
    expect(run.stdout).toContain(mentions);
  });

  it.each([
    [['wat'], "attio-plg: unknown command 'wat'"],
    [['replay', '--wat', 'x.jsonl'], "attio-plg: unknown option '--wat'"],
    [['replay', 'a.jsonl', 'b.jsonl'], "attio-plg: too many arguments for 'replay'. Expected 1 argument but got 2."],
    [
      ['replay', 'x.jsonl', '--via', 'kafka'],
      "attio-plg: option '--via <adapter>' argument 'kafka' is invalid. Allowed choices are segment, rudderstack, direct.",
    ],
    [
      ['replay', 'x.jsonl', '--concurrency', 'many'],
      'attio-plg: --concurrency must be a whole number from 1 to 64, got "many"',
    ],
    [
      ['emulator', '--faults', 'wat=2'],
      'attio-plg: --faults: Unknown fault "wat": use 429, 5xx codes, reset, timeout, latency, after-commit-502 or seed.',
    ],
    [
      ['emulator', '--faults', '503=2'],
      'attio-plg: --faults: Fault "503" needs a probability between 0 and 1, got "2".',
    ],
    [['emulator', '--port', '70000'], 'attio-plg: --port must be a whole number from 0 to 65535, got "70000"'],
    [
      ['serve', '--log-level', 'loud'],
      "attio-plg: option '--log-level <level>' argument 'loud' is invalid. Allowed choices are fatal, error, warn, info, debug, trace, silent.",
    ],
  ])('%j is a usage error: one line, exit 2', async (args, line) => {
    const run = await runCli(args, { ATTIO_API_KEY: 'k' });
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `${line}\n`]);
  });

  it('a file it cannot read is one line and exit 2', async () => {
    const missing = await runCli(['replay', join(dir, 'missing.jsonl')], { ATTIO_API_KEY: 'k' });
    expect([missing.code, missing.stderr]).toEqual([
      2,
      `attio-plg: cannot read ${join(dir, 'missing.jsonl')}: no such file\n`,
    ]);
    const folder = await runCli(['replay', dir], { ATTIO_API_KEY: 'k' });
    expect([folder.code, folder.stderr]).toEqual([2, `attio-plg: cannot read ${dir}: it is not a file\n`]);
    const demo = await runCli(['demo', '--file', join(dir, 'missing.jsonl')]);
    expect([demo.code, demo.stderr]).toEqual([
      2,
      `attio-plg: cannot read ${join(dir, 'missing.jsonl')}: no such file\n`,
    ]);
  });

  describe('lines of every JSON type, through every delivery', () => {
    let attio: EmulatorHandle;
    const file = join(dir, 'odd.jsonl');
    beforeAll(async () => {
      attio = await startEmulator({ seed: 'plg-demo' });
      writeFileSync(
        file,
        [
          'null',
          '7',
          '"a string"',
          '[]',
          '[{"type":"identify"}]',
          'true',
          'false',
          '{}',
          '{"type":null}',
          'not json',
          '',
        ].join('\n'),
      );
    });
    afterAll(() => attio.close());

    it.each(['segment', 'rudderstack', 'direct'])(
      'via %s: each is rejected with its reason, none reaches an internal error',
      async (via) => {
        const run = await runCli(['replay', file, '--via', via, '--json'], {
          ATTIO_API_KEY: EMULATOR_API_KEY,
          ATTIO_API_URL: attio.url,
        });
        expect(run.code, run.stderr).toBe(0);
        expect(`${run.stdout}${run.stderr}`).not.toMatch(/TypeError|Cannot read properties|undefined is not|internal/i);
        const summary = jsonSummary(run);
        expect(summary).toMatchObject({ events: 10, applied: 0, rejected: 10, failed: 0 });
        expect(summary.rejectedByReason).toMatchObject({
          'message: must be a JSON object, got null': 1,
          'message: must be a JSON object, got a number': 1,
          'message: must be a JSON object, got a string': 1,
          'message: must be a JSON object, got an array': 2,
          'message: must be a JSON object, got a boolean': 2,
          'line 10 is not valid JSON (Unexpected token \'o\', "not json" is not valid JSON)': 1,
        });
        expect(attio.requests.filter((r) => r.write)).toEqual([]);
      },
    );
  });
});
