/**
 * Fields several actions share, with the Segment-spec defaults of the tracking plan (docs/configuration.md): who the person is, which
 * delivery this is, the usage signals of the scoring model, and Segment's batching switches.
 */
import type { InputField } from '@segment/actions-core';
import { DEFAULT_SCORING_MODEL } from '../../core/config/index.js';

type FieldValue = NonNullable<InputField['default']>;

const path = (at: string) => ({ '@path': at });

/** `Features activated` -> `Features Activated`: labels on Segment's screens are in Title Case. */
export function titleCase(label: string): string {
  return label.replace(
    /(^|[\s-])([a-z])/g,
    (_match, before: string, letter: string) => `${before}${letter.toUpperCase()}`,
  );
}

/** The first of `paths` that exists (nested `@if`, as Segment's mapping kit has no coalesce). */
export function firstOf(...paths: string[]): FieldValue {
  const [first, ...rest] = paths;
  if (first === undefined) throw new RangeError('firstOf needs a path');
  if (rest.length === 0) return path(first);
  return { '@if': { exists: path(first), then: path(first), else: firstOf(...rest) } };
}

/** A track subscription for `events`: `type = "track" and (event = "A" or event = "B")` */
export function eventSubscription(events: readonly string[]): string {
  const anyOf = events.map((event) => `event = ${JSON.stringify(event)}`).join(' or ');
  return `type = "track" and ${events.length > 1 ? `(${anyOf})` : anyOf}`;
}

export const deliveryFields = {
  message_id: {
    label: 'Message ID',
    description: 'The idempotency key of the delivery: a batch applies each message ID once.',
    type: 'string',
    required: true,
    unsafe_hidden: true,
    default: path('$.messageId'),
  },
  timestamp: {
    label: 'Timestamp',
    description: 'When the event happened (ISO 8601 or epoch milliseconds): dates notes, tasks and scores.',
    type: 'datetime',
    required: true,
    default: firstOf('$.timestamp', '$.receivedAt'),
  },
} satisfies Record<string, InputField>;

export const batchingFields = {
  enable_batching: {
    label: 'Batch Events',
    description:
      'Send events in batches: each event still gets its own status, and events about the same person or company keep their order.',
    type: 'boolean',
    default: true,
  },
  batch_size: {
    label: 'Batch Size',
    description: 'The most events Segment sends in one batch.',
    type: 'number',
    unsafe_hidden: true,
    default: 100,
  },
} satisfies Record<string, InputField>;

/** The person of a track call: SDKs repeat identify traits in `context.traits`. */
export function personFields(traitsRoot: '$.traits' | '$.context.traits', emailPaths: string[]) {
  return {
    email: {
      label: 'Email',
      description: 'The person’s email address: people are matched on it.',
      type: 'string',
      default: firstOf(...emailPaths),
    },
    user_id: {
      label: 'User ID',
      description: 'The product’s user ID: finds the person through the Attio Users object when there is no email.',
      type: 'string',
      default: path('$.userId'),
    },
    name: {
      label: 'Name',
      description: 'The person’s full name.',
      type: 'string',
      default: path(`${traitsRoot}.name`),
    },
    first_name: {
      label: 'First Name',
      description: 'The person’s first name.',
      type: 'string',
      default: firstOf(`${traitsRoot}.firstName`, `${traitsRoot}.first_name`),
    },
    last_name: {
      label: 'Last Name',
      description: 'The person’s last name.',
      type: 'string',
      default: firstOf(`${traitsRoot}.lastName`, `${traitsRoot}.last_name`),
    },
  } satisfies Record<string, InputField>;
}

/**
 * The usage signals, each read from `root` (e.g. `$.properties`). The properties are the default model's
 * signals; a custom model's keys go in as further key-value pairs.
 */
export function signalsField(root: string, description: string): InputField {
  const signals = DEFAULT_SCORING_MODEL.signals;
  return {
    label: 'Usage Signals',
    description: `${description} Keys are the scoring model’s signal keys (${signals.map((s) => s.key).join(', ')}); values are counts.`,
    type: 'object',
    additionalProperties: true,
    defaultObjectUI: 'keyvalue',
    properties: Object.fromEntries(
      signals.map((s) => [
        s.key,
        {
          label: titleCase(s.label),
          description: `${s.label}: a count. The default model adds ${s.weight} points at ${s.threshold} or more.`,
          type: 'number',
        },
      ]),
    ),
    default: Object.fromEntries(signals.map((s) => [s.key, path(`${root}.${s.key}`)])),
  };
}

/** Key-value attributes beyond the PLG ones, written as they are (Segment's Attio destination has the same). */
export function extraAttributesField(object: string): InputField {
  return {
    label: `More ${object} Attributes`,
    description: `More attributes to set on the Attio ${object} record: Attio attribute slug -> value (e.g. linkedin -> traits.linkedin).`,
    type: 'object',
    additionalProperties: true,
    defaultObjectUI: 'keyvalue:only',
  };
}
