import { inspect } from 'node:util';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { AttioError, createAttioConnection } from '../../../src/core/attio/index.js';

const API = 'https://api.attio.com';
const KEY = 'sk_live_do_not_leak_4242';

afterEach(() => {
  nock.cleanAll();
});

function everyRendering(error: unknown): string {
  return [
    String(error),
    (error as Error).message,
    (error as Error).stack ?? '',
    inspect(error, { depth: 10 }),
    JSON.stringify(error),
  ].join('\n');
}

describe('the API key never appears in errors', () => {
  const failures: Array<[string, () => void]> = [
    [
      '401',
      () =>
        nock(API)
          .get('/v2/self')
          .reply(401, { status_code: 401, type: 'auth_error', code: 'invalid_token', message: 'invalid' }),
    ],
    [
      '400',
      () =>
        nock(API)
          .get('/v2/self')
          .reply(400, { status_code: 400, type: 'invalid_request_error', code: 'x', message: 'bad' }),
    ],
    ['500 with a non-JSON body', () => nock(API).get('/v2/self').reply(500, '<html>oops</html>')],
    [
      'a connection error',
      () => nock(API).get('/v2/self').replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }),
    ],
    ['a timeout', () => nock(API).get('/v2/self').delay(300).reply(200, {})],
  ];
  for (const [name, arrange] of failures) {
    it(`after ${name}`, async () => {
      arrange();
      const { client } = createAttioConnection({ apiUrl: API, apiKey: KEY, timeoutMs: 50, retry: { maxAttempts: 1 } });
      const error = await client.getSelf().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AttioError);
      expect(everyRendering(error)).not.toContain(KEY);
    });
  }
});
