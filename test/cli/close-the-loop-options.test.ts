/** serve's close-the-loop options: off unless asked for, secrets from the environment and files, and errors that name settings, never values. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeTheLoopFromCli } from '../../src/cli/close-the-loop-options.js';
import { UsageError } from '../../src/cli/usage.js';
import { AttioClient } from '../../src/core/attio/index.js';
import { parseConfig } from '../../src/core/config/index.js';

const dir = mkdtempSync(join(tmpdir(), 'attio-plg-loop-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const client = new AttioClient({ send: () => Promise.reject(new Error('no request in these tests')) });
const config = parseConfig({ apiKey: 'k', dealMatchingAttribute: 'deal_key' });
const WRITE_KEY = 'segment-write-key-do-not-print';

describe('serve --close-the-loop', () => {
  it('is off without a settings file or an Attio webhook secret', async () => {
    expect(await closeTheLoopFromCli({}, client, config, {})).toBeUndefined();
  });

  it('takes the Attio secrets from the environment and every secret file (rotation), with default stages', async () => {
    const loop = await closeTheLoopFromCli(
      {
        closeTheLoop: file('loop.json', JSON.stringify({ segment: { host: 'https://api.segment.io' } })),
        attioWebhookSecretFile: [file('current', 'current-secret\n'), file('previous', 'previous-secret\n')],
      },
      client,
      config,
      { ATTIO_WEBHOOK_SECRETS: 'env-secret', ATTIO_PLG_SEGMENT_WRITE_KEY: WRITE_KEY },
    );
    expect(loop?.secrets).toEqual({
      attioWebhookSecrets: ['env-secret', 'current-secret', 'previous-secret'],
      segmentWriteKey: WRITE_KEY,
    });
    expect(loop?.settings.dealStages).toEqual({ won: ['Won 🎉', 'Won'], lost: ['Lost'] });
    expect(loop?.dealKeyAttribute).toBe('deal_key');
  });

  it('refuses a sink without its secret, and a secret without its sink, naming the setting and never the value', async () => {
    const settings = file('segment.json', JSON.stringify({ segment: { host: 'https://api.segment.io' } }));
    const missing = closeTheLoopFromCli({ closeTheLoop: settings }, client, config, { ATTIO_WEBHOOK_SECRETS: 's' });
    await expect(missing).rejects.toThrow(UsageError);
    await expect(missing).rejects.toThrow(/segment\.host is configured but ATTIO_PLG_SEGMENT_WRITE_KEY is not set/);
    const stray = closeTheLoopFromCli({ closeTheLoop: file('empty.json', '{}') }, client, config, {
      ATTIO_WEBHOOK_SECRETS: 's',
      ATTIO_PLG_RUDDERSTACK_WRITE_KEY: WRITE_KEY,
    });
    await expect(stray).rejects.toThrow(
      /ATTIO_PLG_RUDDERSTACK_WRITE_KEY is set but rudderstack.dataPlaneUrl is not configured/,
    );
    await stray.catch((error: Error) => expect(error.message).not.toContain(WRITE_KEY));
  });

  it('refuses a settings file that is not https, naming the field; and no Attio secret at all', async () => {
    const plain = file('http.json', JSON.stringify({ webhook: { url: 'http://product.example.com/hook' } }));
    await expect(closeTheLoopFromCli({ closeTheLoop: plain }, client, config, {})).rejects.toThrow(
      /--close-the-loop: webhook\.url must use https/,
    );
    await expect(closeTheLoopFromCli({ closeTheLoop: file('none.json', '{}') }, client, config, {})).rejects.toThrow(
      /no Attio webhook secret: set ATTIO_WEBHOOK_SECRETS/,
    );
  });
});
