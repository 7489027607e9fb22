import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseEmulatorArgs } from '../../src/cli/emulator-command.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('attio-plg emulator arguments', () => {
  it('maps every flag onto the emulator options', () => {
    expect(
      parseEmulatorArgs([
        '--port',
        '4010',
        '--seed',
        'empty',
        '--rate-limit',
        'on',
        '--faults',
        '503=0.1,seed=2',
        '--api-key',
        'k',
      ]),
    ).toEqual({ port: 4010, seed: 'empty', rateLimit: true, faults: '503=0.1,seed=2', apiKey: 'k' });
    expect(parseEmulatorArgs([])).toEqual({});
    expect(parseEmulatorArgs(['--rate-limit', 'off'])).toEqual({ rateLimit: false });
    expect(
      parseEmulatorArgs([
        '--member-token',
        'rep',
        '--member-email',
        'sam.chen@plg-demo.test',
        '--webhook-retries',
        '3',
        '--webhook-retry-base-ms',
        '10',
      ]),
    ).toEqual({ memberToken: 'rep', memberEmail: 'sam.chen@plg-demo.test', webhooks: { retries: 3, retryBaseMs: 10 } });
  });

  it('rejects bad values and unknown flags', () => {
    expect(() => parseEmulatorArgs(['--port', 'eighty'])).toThrow(/--port/);
    expect(() => parseEmulatorArgs(['--seed', 'demo'])).toThrow(/--seed/);
    expect(() => parseEmulatorArgs(['--rate-limit', 'yes'])).toThrow(/--rate-limit/);
    expect(() => parseEmulatorArgs(['--verbose'])).toThrow();
    expect(() => parseEmulatorArgs(['--member-email', 'sam.chen@plg-demo.test'])).toThrow(
      /--member-email needs --member-token/,
    );
    expect(() => parseEmulatorArgs(['--webhook-retries', 'many'])).toThrow(/--webhook-retries/);
  });
});

describe('attio-plg emulator process', () => {
  it('prints its URL once listening, serves the API and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['node_modules/vite-node/vite-node.mjs', 'src/cli/main.ts', 'emulator', '--seed', 'empty'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /^Attio emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', () => reject(new Error(`exited early: ${stdout}`)));
    });
    const res = await fetch(`${url}/v2/objects`, { headers: { authorization: 'Bearer emulator-key' } });
    expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(3);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(stdout.match(/listening on/g)).toHaveLength(1);
  });
});
