/**
 * Bad input never reaches Attio: each case of the corpus is rejected through both adapters with a
 * non-retryable error naming its field, and the emulator's request log stays empty. Oversized deliveries are
 * refused whole.
 */
import type { SegmentEvent } from '@segment/actions-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestReceiver } from '../support/receiver.js';
import { segmentSetupFor } from '../../src/cli/segment-delivery.js';
import { EventEngine } from '../../src/pipeline.js';
import { InvalidEventError } from '../../src/core/errors.js';
import { createAttioConnection } from '../../src/core/attio/index.js';
import { processRouterDest, withTransformerEnv, type ErrorEntry } from '../../src/destinations/rudderstack/index.js';
import { operatorEnvFor, toRudderConfig } from '../../src/destinations/rudderstack/config.js';
import { clearSchemaStores } from '../../src/destinations/segment/workspace-state.js';
import { EMULATOR_API_KEY, type EmulatorHandle } from '../../src/emulator/index.js';
import { mapEvent } from '../../src/mapping/map-event.js';
import { actionsCore } from '../support/segment.js';
import { BAD_INPUT_CASES, SEGMENT_COERCED_CASES, type BadInputCase } from './bad-input-corpus.js';
import { configFor, startAttio } from '../support/reliability.js';

let emulator: EmulatorHandle;
beforeAll(async () => {
  emulator = await startAttio();
});
afterAll(async () => {
  await emulator.close();
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The field as the error may name it: its path, or its last segment as a key, label or snake_case name. */
function fieldPattern(c: BadInputCase): RegExp {
  const last = c.field.split('.').at(-1) ?? c.field;
  const words = escape(last)
    .replace(/([a-z])([A-Z])/g, '$1[ _]?$2')
    .replace(/_/g, '[ _(]*');
  return new RegExp(`${escape(c.field)}|${words}`, 'i');
}

async function throughRudderStack(event: unknown): Promise<ErrorEntry | undefined> {
  const config = configFor(emulator);
  const input = {
    message: event,
    metadata: { jobId: 1 },
    destination: { ID: 'bad-input', Config: toRudderConfig(config) },
  };
  const [output] = await withTransformerEnv(operatorEnvFor(config), () => processRouterDest([input]));
  return output && 'statTags' in output ? output : undefined;
}

type SegmentOutcome =
  | { kind: 'thrown'; name: string; message: string; retryable: boolean }
  | { kind: 'not subscribed'; error: unknown }
  | { kind: 'applied' };

async function throughSegment(event: unknown): Promise<SegmentOutcome> {
  const config = configFor(emulator);
  const { destination, settings: segmentSettings, subscriptions } = segmentSetupFor(config);
  const settings = { ...segmentSettings, subscriptions } as never;
  try {
    const results = await new actionsCore.Destination(destination).onEvent(event as SegmentEvent, settings);
    if (results.some((r) => r.output !== 'not subscribed')) return { kind: 'applied' };
  } catch (error) {
    const { name, message, retry, status } = error as {
      name: string;
      message: string;
      retry?: boolean;
      status?: number;
    };
    return {
      kind: 'thrown',
      name,
      message,
      retryable: retry === true || (status !== undefined && (status === 429 || status >= 500)),
    };
  }
  // No subscription takes it: Segment's ingestion would refuse it; the CLI's Segment path judges it by the tracking plan.
  try {
    mapEvent(event, config);
  } catch (error) {
    return { kind: 'not subscribed', error };
  }
  return { kind: 'not subscribed', error: undefined };
}

describe('the bad-input corpus', () => {
  it('has at least 40 cases', () => {
    expect(BAD_INPUT_CASES.length).toBeGreaterThanOrEqual(40);
  });

  describe.each(BAD_INPUT_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    it(`RudderStack: InstrumentationError 400 naming ${c.field}, no request to Attio`, async () => {
      emulator.reset();
      const error = await throughRudderStack(c.event);
      expect(error).toMatchObject({ statusCode: 400, statTags: { errorType: 'instrumentation' } });
      expect(error?.error).toMatch(new RegExp(`^${escape(c.field)}: `));
      expect(emulator.requests).toEqual([]);
    });

    it(`Segment: a payload validation error naming ${c.field}, no request to Attio`, async () => {
      emulator.reset();
      const outcome = await throughSegment(c.event);
      if (outcome.kind === 'thrown') {
        expect(['PayloadValidationError', 'AggregateAjvError']).toContain(outcome.name);
        expect(outcome.retryable).toBe(false);
        expect(outcome.message).toMatch(c.segment ?? fieldPattern(c));
      } else {
        expect(outcome.kind).toBe('not subscribed');
        expect(outcome.kind === 'not subscribed' && outcome.error).toBeInstanceOf(InvalidEventError);
        expect(outcome.kind === 'not subscribed' && (outcome.error as InvalidEventError).field).toBe(c.field);
      }
      if (c.segmentLooksUp) expect(emulator.requests.filter((r) => r.write)).toEqual([]);
      else expect(emulator.requests).toEqual([]);
    });
  });

  it.each(SEGMENT_COERCED_CASES.map((c) => [c.name, c] as const))(
    '%s: RudderStack rejects it; Segment’s runtime coerces it to a valid value first',
    async (_name, c) => {
      // A rejected Segment event's other subscribed actions may still be reading the workspace schema in the
      // background (actions-core rejects onEvent at the first failing action); under load such a read can
      // time out, and a delivery that joins it would fail for that reason. These cases start from fresh reads.
      clearSchemaStores();
      emulator.reset();
      expect((await throughRudderStack(c.event))?.error).toMatch(new RegExp(`^${escape(c.field)}: `));
      expect(emulator.requests).toEqual([]);
      expect((await throughSegment(c.event)).kind).toBe('applied');
    },
  );
});

describe('oversized deliveries', () => {
  it('the receiver refuses more than 1,000 events, or more than 1 MiB, before any request to Attio', async () => {
    const { client } = createAttioConnection({ apiUrl: emulator.url, apiKey: EMULATOR_API_KEY });
    const receiver = await startTestReceiver({
      engine: new EventEngine({ client, config: configFor(emulator) }),
      secret: 'a-webhook-secret-of-32-characters',
    });
    try {
      emulator.reset();
      const post = (body: string) =>
        fetch(receiver.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-webhook-secret': 'a-webhook-secret-of-32-characters' },
          body,
        });
      const event = {
        type: 'identify',
        messageId: 'm',
        timestamp: '2024-11-05T10:00:00.000Z',
        traits: { email: 'ada@acme.io' },
      };
      const tooMany = await post(
        JSON.stringify({ batch: Array.from({ length: 1001 }, (_, i) => ({ ...event, messageId: `m${i}` })) }),
      );
      expect(tooMany.status).toBe(413);
      expect(await tooMany.json()).toEqual({ error: 'a delivery may carry at most 1000 events' });
      const tooLarge = await post(
        JSON.stringify({ ...event, traits: { email: 'ada@acme.io', bio: 'x'.repeat(1024 * 1024) } }),
      );
      expect(tooLarge.status).toBe(413);
      expect(emulator.requests).toEqual([]);
      expect(receiver.queue.stats().depth).toBe(0);
    } finally {
      await receiver.close();
    }
  });
});
