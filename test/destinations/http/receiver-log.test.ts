import { describe, expect, it } from 'vitest';
import type { EventResult } from '../../../src/core/engine.js';
import { createReceiverLogger, logDelivery, type LogLevel } from '../../../src/destinations/http/log.js';

const results: EventResult[] = [
  { messageId: 'm-1', status: 'applied', outcomes: [] },
  { messageId: 'm-2', status: 'rejected', outcomes: [], failure: { category: 'attio-rejected', retryable: false, message: 'Attio PUT /v2/objects/people/records failed (400): Invalid value for attribute "email_addresses": received "ada@acme.com".' } },
];

function lineAt(level: LogLevel): Record<string, unknown> {
  const lines: string[] = [];
  const logger = createReceiverLogger(level, { write: (line: string) => void lines.push(line) });
  logDelivery(logger, { route: '/v1/batch', events: [{}, {}], results, answer: { status: 400, body: {} }, durationMs: 12.4 });
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
}

describe('the delivery log line', () => {
  it('names the route, answer, counts, messageIds and each problem, masking email addresses at the default level', () => {
    expect(lineAt('info')).toMatchObject({
      level: 30,
      route: '/v1/batch',
      status: 400,
      durationMs: 12,
      events: 2,
      applied: 1,
      rejected: 1,
      failed: 0,
      messageIds: ['m-1', 'm-2'],
      problems: [{ index: 1, messageId: 'm-2', outcome: 'rejected', category: 'attio-rejected', reason: 'Attio PUT /v2/objects/people/records failed (400): Invalid value for attribute "email_addresses": received "[email]".' }],
      msg: 'delivery applied except invalid events',
    });
  });

  it('keeps the reason whole at debug', () => {
    expect(JSON.stringify(lineAt('debug'))).toContain('ada@acme.com');
  });
});
