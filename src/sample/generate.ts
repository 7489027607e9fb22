import { createCast } from './cast.js';
import {
  BAD_INPUT_KINDS,
  HARMLESS_PROBES,
  type BadInputContext,
  type BadInputKind,
  type HarmlessProbe,
} from './invalid.js';
import { deriveSeed, mulberry32 } from './random.js';
import { mergeTimelines, type TimelineEvent } from './timeline.js';

/**
 * A deterministic, realistic PLG month as Segment-spec messages (examples/README.md): signups, identify and group
 * calls, milestones, usage summaries that cross the PQL threshold at different times, handoff requests,
 * page-view noise — delivered the way platforms deliver: some events twice, some late, some invalid.
 * Streamed one event at a time; the same options always give the same stream.
 */

export interface PlgSampleOptions {
  /** PRNG seed; also part of every messageId. Default 42. */
  seed?: number;
  /** Default 60. */
  companies?: number;
  /** Mean users per company (many single-user workspaces, a few big accounts). Default 4.85. */
  usersPerCompany?: number;
  /** Share of users who sign up with a personal address and no company. Default 0.08. */
  personalEmailRate?: number;
  /** ISO start of the month. Default 2024-11-01T00:00:00.000Z. */
  start?: string;
  /** Default 30. */
  days?: number;
  /** Share of invalid events in the stream. Default 0.03. */
  invalidRate?: number;
  /** Chance that an event is redelivered (same messageId) a little later. Default 0.02. */
  duplicateRate?: number;
  /** Chance that an eligible track event arrives after a few later ones. Default 0.03. */
  outOfOrderRate?: number;
}

const DEFAULT_SAMPLE_OPTIONS: Readonly<Required<PlgSampleOptions>> = Object.freeze({
  seed: 42,
  companies: 60,
  usersPerCompany: 4.85,
  personalEmailRate: 0.08,
  start: '2024-11-01T00:00:00.000Z',
  days: 30,
  invalidRate: 0.03,
  duplicateRate: 0.02,
  outOfOrderRate: 0.03,
});

/**
 * What the connector should do with an event: apply it (`valid`), reject it naming `field` (`invalid`),
 * change nothing because it was seen before (`duplicate`), or skip it as outside the tracking plan
 * (`ignored`).
 */
export type Expectation = 'valid' | 'invalid' | 'duplicate' | 'ignored';

export interface LabelledEvent {
  event: Record<string, unknown>;
  expect: Expectation;
  /** Why: the bad-input kind, `late` for an out-of-order delivery, or a harmless hostile-input probe. */
  reason?: string;
  /** For `invalid`: the field the rejection must name. */
  field?: string;
}

type Injection = { kind: BadInputKind; probe: false } | { kind: HarmlessProbe; probe: true };

const DAY_MS = 86_400_000;
/** Signups are never delayed: a late signup would only test the identify-retry window, not ordering. */
const NEVER_LATE = new Set(['Signed Up', 'Trial Started']);

/** The sample stream's events, one at a time. */
export function* generatePlgEvents(options: PlgSampleOptions = {}): Generator<Record<string, unknown>> {
  for (const { event } of generateLabelledEvents(options)) yield event;
}

/** The sample stream with what each event should do, for tests that check the connector's answers. */
export function* generateLabelledEvents(options: PlgSampleOptions = {}): Generator<LabelledEvent> {
  const settings = resolveOptions(options);
  const startMs = Date.parse(settings.start);
  const window = { startMs, endMs: startMs + settings.days * DAY_MS };
  const cast = createCast({ ...settings, window });
  const delivery = mulberry32(deriveSeed(settings.seed, 'delivery'));
  const rotation: Injection[] = [
    ...BAD_INPUT_KINDS.map((kind) => ({ kind, probe: false as const })),
    ...HARMLESS_PROBES.map((kind) => ({ kind, probe: true as const })),
  ];
  let sequence = 0;
  let messages = 0;
  let injected = 0;
  const held: { due: number; item: LabelledEvent | TimelineEvent }[] = [];

  const nextMessageId = (): string => `msg_${settings.seed}_${++messages}`;
  const stamp = (entry: TimelineEvent): Record<string, unknown> => ({
    messageId: nextMessageId(),
    timestamp: new Date(entry.at).toISOString(),
    ...entry.message,
  });

  /** Emits an event, schedules its redelivery, and releases whatever is now due. */
  function* emit(item: LabelledEvent): Generator<LabelledEvent> {
    yield item;
    sequence++;
    if (item.expect !== 'invalid' && item.expect !== 'duplicate' && delivery.chance(settings.duplicateRate)) {
      held.push({
        due: sequence + delivery.int(1, 25),
        item: { event: structuredClone(item.event), expect: 'duplicate' },
      });
    }
    for (
      let index = held.findIndex((entry) => entry.due <= sequence);
      index !== -1;
      index = held.findIndex((entry) => entry.due <= sequence)
    ) {
      const [entry] = held.splice(index, 1);
      if (entry === undefined) break;
      const released =
        'user' in entry.item ? { event: stamp(entry.item), expect: entry.item.expect, reason: 'late' } : entry.item;
      yield* emit(released);
    }
  }

  function nextBadInput(entry: TimelineEvent): LabelledEvent {
    // Round-robin, so every kind appears once the stream has a few dozen invalid events; large ones only once.
    let choice = rotation[injected % rotation.length];
    while (choice !== undefined && !choice.probe && choice.kind.once === true && injected >= rotation.length) {
      injected++;
      choice = rotation[injected % rotation.length];
    }
    injected++;
    if (choice === undefined) throw new RangeError('no bad-input kinds');
    const context: BadInputContext = {
      user: entry.user,
      messageId: nextMessageId(),
      timestamp: new Date(entry.at + delivery.int(1, 60) * 1000).toISOString(),
      random: delivery,
    };
    const event = choice.kind.build(context);
    if (choice.probe) return { event, expect: 'valid', reason: choice.kind.reason };
    return { event, expect: 'invalid', reason: choice.kind.reason, field: choice.kind.field };
  }

  for (const entry of mergeTimelines(cast, window)) {
    const event = entry.message['event'];
    const lateable = entry.message['type'] === 'track' && !(typeof event === 'string' && NEVER_LATE.has(event));
    if (lateable && delivery.chance(settings.outOfOrderRate)) {
      held.push({ due: sequence + delivery.int(2, 8), item: entry });
    } else {
      yield* emit({ event: stamp(entry), expect: entry.expect });
    }
    // rate / (1 - rate) per event makes `invalidRate` the invalid share of the whole stream.
    if (delivery.chance(settings.invalidRate / (1 - settings.invalidRate))) yield* emit(nextBadInput(entry));
  }
  held.sort((a, b) => a.due - b.due);
  for (const { item } of held.splice(0)) {
    yield 'user' in item ? { event: stamp(item), expect: item.expect, reason: 'late' } : item;
  }
}

function resolveOptions(options: PlgSampleOptions): Required<PlgSampleOptions> {
  const settings = { ...DEFAULT_SAMPLE_OPTIONS, ...definedOnly(options) };
  if (!Number.isInteger(settings.seed)) throw new RangeError('seed must be an integer');
  if (!Number.isInteger(settings.companies) || settings.companies < 0)
    throw new RangeError('companies must be a whole number');
  if (!(settings.usersPerCompany > 0)) throw new RangeError('usersPerCompany must be positive');
  if (Number.isNaN(Date.parse(settings.start))) throw new RangeError('start must be an ISO date-time');
  if (!(settings.days > 0)) throw new RangeError('days must be positive');
  for (const rate of ['personalEmailRate', 'invalidRate', 'duplicateRate', 'outOfOrderRate'] as const) {
    if (!(settings[rate] >= 0 && settings[rate] < 1)) throw new RangeError(`${rate} must be in [0, 1)`);
  }
  return settings;
}

function definedOnly(options: PlgSampleOptions): PlgSampleOptions {
  return Object.fromEntries(Object.entries(options).filter((entry) => entry[1] !== undefined));
}
