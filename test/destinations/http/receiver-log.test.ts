import { describe, expect, it } from 'vitest';
import type { Receipt } from '../../../src/destinations/http/answer.js';
import { createReceiverLogger, logDelivery, logDrained, type LogLevel } from '../../../src/destinations/http/log.js';

const receipts: Receipt[] = [
  { messageId: 'm-1', status: 'accepted' },
  {
    messageId: 'm-2',
    status: 'rejected',
    failure: {
      category: 'attio-rejected',
      retryable: false,
      message:
        'Attio PUT /v2/objects/people/records failed (400): Invalid value for attribute "email_addresses": received "ada@acme.com".',
    },
  },
];

function lineAt(level: LogLevel): Record<string, unknown> {
  const lines: string[] = [];
  const logger = createReceiverLogger(level, { write: (line: string) => void lines.push(line) });
  logDelivery(logger, {
    route: '/v1/batch',
    events: [{}, {}],
    receipts,
    answer: { status: 400, body: {} },
    durationMs: 12.4,
  });
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
      accepted: 1,
      rejected: 1,
      failed: 0,
      messageIds: ['m-1', 'm-2'],
      problems: [
        {
          index: 1,
          messageId: 'm-2',
          outcome: 'rejected',
          category: 'attio-rejected',
          reason:
            'Attio PUT /v2/objects/people/records failed (400): Invalid value for attribute "email_addresses": received "[email]".',
        },
      ],
      msg: 'delivery accepted except invalid events',
    });
  });

  it('keeps the reason whole at debug', () => {
    expect(JSON.stringify(lineAt('debug'))).toContain('ada@acme.com');
  });

  it('a dead letter is an error line with its seq, messageId and masked reason; an event to retry a debug line', () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = createReceiverLogger('debug', {
      write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
    });
    const event = {
      seq: 7,
      lane: 'u-1',
      receivedAt: 0,
      payload: '{}',
      attempts: 2,
      nextAttemptAt: Date.UTC(2024, 0, 1),
      waiting: false,
    };
    const failure = { category: 'config' as const, message: 'pqlStage: no stage for ada@acme.com', retryable: false };
    logDrained(logger, [
      { event, raw: { messageId: 'm-7' }, outcome: 'dead', failure },
      { event, raw: {}, outcome: 'retry', failure: { ...failure, category: 'throttled', retryable: true } },
      { event, raw: {}, outcome: 'applied' },
    ]);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        seq: 7,
        messageId: 'm-7',
        attempts: 3,
        category: 'config',
        msg: 'event moved to the dead letters: pqlStage: no stage for ada@acme.com (attio-plg queue retry puts it back)',
      }),
      expect.objectContaining({ level: 20, seq: 7, category: 'throttled', nextAttemptAt: '2024-01-01T00:00:00.000Z' }),
    ]);
    const quiet: string[] = [];
    logDrained(createReceiverLogger('info', { write: (line: string) => void quiet.push(line) }), [
      { event, raw: {}, outcome: 'dead', failure },
    ]);
    expect(quiet[0]).toContain('no stage for [email]');
  });
});
