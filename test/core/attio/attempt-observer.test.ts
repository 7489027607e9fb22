import { describe, expect, it } from 'vitest';
import {
  AttioError,
  withRetries,
  type AttemptReport,
  type AttioRequest,
  type AttioResponse,
  type Transport,
} from '../../../src/core/attio/index.js';

const request: AttioRequest = { method: 'GET', path: '/v2/objects/people/attributes', read: true, idempotent: true };

/** Answers from a script: a status, or a network failure. */
function scripted(answers: Array<number | 'network'>): Transport {
  return {
    async send(req): Promise<AttioResponse> {
      const next = answers.shift();
      if (next === 'network' || next === undefined)
        throw new AttioError({
          kind: 'network',
          method: req.method,
          path: req.path,
          code: 'ECONNRESET',
          message: 'connection failed (ECONNRESET)',
        });
      return {
        status: next,
        headers: next === 429 ? { 'retry-after': '0' } : {},
        body: next === 200 ? { data: [] } : { message: 'x' },
      };
    },
  };
}

describe('the attempt observer', () => {
  it('is told of every attempt: its number, status (or how it ended without one) and duration', async () => {
    let t = 0;
    const reports: AttemptReport[] = [];
    const clock = { sleep: async (ms: number) => void (t += ms), random: () => 0, now: () => (t += 5) };
    const transport = withRetries(scripted([429, 'network', 503, 200]), { maxAttempts: 5 }, clock, (r) =>
      reports.push(r),
    );
    await transport.send(request);
    expect(reports.map((r) => [r.attempt, r.status, r.request.path])).toEqual([
      [1, 429, request.path],
      [2, 'network', request.path],
      [3, 503, request.path],
      [4, 200, request.path],
    ]);
    expect(reports.every((r) => r.durationMs === 5)).toBe(true);
  });
});
