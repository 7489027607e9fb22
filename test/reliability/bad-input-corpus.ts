/**
 * The bad-input corpus: each case is a realistic event with one defect, and the field the connector's error
 * must name. The sample generator's kinds (src/sample/invalid.ts) come first; the rest add what it leaves
 * out: oversized strings in every kind of field, operator objects in every identifier, JSON's own
 * Infinity (1e309), prototype keys that must not smuggle a value in, and Segment types the tracking plan has
 * no use for.
 */
import { BAD_INPUT_KINDS } from '../../src/sample/invalid.js';
import { mulberry32 } from '../../src/sample/random.js';
import type { SampleUser } from '../../src/sample/cast.js';

export interface BadInputCase {
  name: string;
  event: Record<string, unknown>;
  /** The field as the event names it, e.g. `traits.email`. */
  field: string;
  /** How Segment's error names the field when it is not the path's last segment: an action field's label. */
  segment?: RegExp;
  /** Through Segment the defect maps to nothing and the event names its person by userId alone: looked up (reads), never written. */
  segmentLooksUp?: boolean;
}

const user = {
  userId: 'usr_bad_input',
  email: 'ada@acme-bad-input.io',
  firstName: 'Ada',
  lastName: 'Lovelace',
} as unknown as SampleUser;

const KB100 = 'x'.repeat(100 * 1024);
const base = { messageId: 'bad-1', timestamp: '2024-11-05T10:00:00.000Z', userId: user.userId };
const identify = (traits: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  ...base,
  type: 'identify',
  traits: { email: user.email, ...traits },
  ...extra,
});
const track = (event: string, properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  ...base,
  type: 'track',
  event,
  context: { traits: { email: user.email } },
  properties,
  ...extra,
});
const usage = (signals: Record<string, unknown>) => track('Usage Summary', { logins_7d: 4, ...signals });
/** As a payload arrives: JSON.parse makes `__proto__` an own key and 1e309 Infinity. */
const parsed = (json: string) => JSON.parse(json) as Record<string, unknown>;

const fromSample: BadInputCase[] = BAD_INPUT_KINDS.map((kind, index) => ({
  name: `sample: ${kind.reason}`,
  event: kind.build({
    user,
    messageId: `sample-${index}`,
    timestamp: '2024-11-05T10:00:00.000Z',
    random: mulberry32(index + 1),
  }),
  field: kind.field,
}));

const more: BadInputCase[] = [
  { name: '100 KB email', event: identify({ email: `${KB100}@acme.io` }), field: 'traits.email' },
  { name: '100 KB userId', event: identify({}, { userId: KB100 }), field: 'userId' },
  { name: '100 KB event name', event: track(KB100, {}), field: 'event' },
  { name: '100 KB messageId', event: identify({}, { messageId: KB100 }), field: 'messageId' },
  { name: '100 KB handoff reason', event: track('Demo Requested', { reason: KB100 }), field: 'properties.reason' },
  { name: '100 KB company name', event: identify({ company: { name: KB100 } }), field: 'traits.company.name' },
  { name: 'NUL in email', event: identify({ email: 'ada\u0000@acme.io' }), field: 'traits.email' },
  { name: 'escape sequence in event name', event: track('Signed Up\u001b[2J', {}), field: 'event' },
  {
    name: 'bell character in groupId',
    event: { ...base, type: 'group', groupId: 'ws_1\u0007', traits: { name: 'Acme' } },
    field: 'groupId',
  },
  {
    name: '$or in email',
    event: identify({ email: { $or: [{ email_addresses: { $ne: null } }] } }),
    field: 'traits.email',
  },
  { name: '$ne in userId of an identify', event: identify({}, { userId: { $ne: null } }), field: 'userId' },
  {
    name: '$in in context email of a milestone',
    event: track('Data Imported', {}, { context: { traits: { email: { $in: ['a@b.io'] } } } }),
    field: 'context.traits.email',
  },
  {
    name: '$ne in company website',
    event: identify({ company: { name: 'Acme', website: { $ne: null } } }),
    field: 'traits.company.website',
  },
  {
    name: '$ne in workspace id',
    event: identify({ company: { name: 'Acme', id: { $ne: '' } } }),
    field: 'traits.company.id',
  },
  {
    name: 'signal 1e309 (Infinity in JSON)',
    event: parsed(JSON.stringify(usage({})).replace('"logins_7d":4', '"logins_7d":1e309')),
    field: 'properties.logins_7d',
  },
  {
    name: 'signal -1e309',
    event: parsed(JSON.stringify(usage({})).replace('"logins_7d":4', '"logins_7d":-1e309')),
    field: 'properties.logins_7d',
  },
  { name: 'signal as an object', event: usage({ records_imported: { $gt: 0 } }), field: 'properties.records_imported' },
  {
    name: 'impossible date (30 February)',
    event: { ...identify({}), timestamp: '2024-02-30T10:00:00.000Z' },
    field: 'timestamp',
  },
  { name: 'negative epoch timestamp', event: { ...identify({}), timestamp: -1 }, field: 'timestamp' },
  { name: 'timestamp as a boolean', event: { ...identify({}), timestamp: true }, field: 'timestamp' },
  { name: 'messageId as an object', event: identify({}, { messageId: { id: 1 } }), field: 'messageId' },
  { name: 'traits as an array', event: identify({}, { traits: [{ email: user.email }] }), field: 'traits' },
  {
    name: '__proto__ carrying the only email',
    event: {
      ...parsed(
        `{"type":"track","event":"Signed Up","messageId":"p1","timestamp":"2024-11-05T10:00:00.000Z","traits":{"__proto__":{"email":"${user.email}"}}}`,
      ),
    },
    field: 'traits.email',
  },
  {
    name: 'constructor.prototype carrying the only email',
    event: { ...track('Signed Up', {}), context: { traits: { constructor: { prototype: { email: user.email } } } } },
    field: 'traits.email',
  },
  { name: 'unknown type "purchase"', event: { ...identify({}), type: 'purchase' }, field: 'type' },
  {
    name: 'Segment type "page" the plan has no use for',
    event: { ...base, type: 'page', name: 'Pricing', properties: {} },
    field: 'type',
  },
  { name: 'Segment type "alias"', event: { ...base, type: 'alias', previousId: 'anon-1' }, field: 'type' },
  { name: 'type as a number', event: { ...identify({}), type: 3 }, field: 'type' },
];

/** Segment's labels for the fields whose errors come from actions-core's own schema validation. */
const SEGMENT_NAMES: Record<string, RegExp> = {
  groupId: /group_id|Workspace ID/,
  'traits.company.id': /Workspace ID/,
  'traits.createdAt': /Signup Date/,
  'traits.company.website': /company_domain|Company Website/,
  properties: /signals/,
  // Segment maps the email out of traits; traits that are not an object leave it empty, so the identify is by
  // userId alone: looked up, and refused (no such user) with a message that asks for traits.email.
  traits: /email/,
};

/** Fields whose defect leaves a Segment identify with only its userId (see SEGMENT_NAMES.traits). */
const SEGMENT_LOOKS_UP = new Set(['traits']);

/**
 * actions-core validates payloads with ajv's `coerceTypes: 'array'` before a destination runs, so through
 * Segment these arrive as valid values (`[7]` -> 7, `true` -> 1, `[{...}]` -> `{...}`, properties that the
 * action does not read are never looked at); RudderStack rejects them. Documented in docs/guarantees.md.
 */
const coercedExtras: BadInputCase[] = [
  { name: 'signal as a boolean', event: usage({ team_invites: true }), field: 'properties.team_invites' },
  { name: 'company as an array', event: identify({ company: [{ name: 'Acme' }] }), field: 'traits.company' },
];
const COERCED_SAMPLE_KINDS = new Set(['sample: signal as an array', 'sample: properties as an array']);

export const BAD_INPUT_CASES: readonly BadInputCase[] = [...fromSample, ...more]
  .filter((c) => !COERCED_SAMPLE_KINDS.has(c.name))
  .map((c) => (SEGMENT_NAMES[c.field] ? { ...c, segment: SEGMENT_NAMES[c.field] } : c))
  .map((c) => (SEGMENT_LOOKS_UP.has(c.field) ? { ...c, segmentLooksUp: true } : c));

export const SEGMENT_COERCED_CASES: readonly BadInputCase[] = [
  ...coercedExtras,
  ...fromSample.filter((c) => COERCED_SAMPLE_KINDS.has(c.name)),
];
