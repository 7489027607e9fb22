import { z } from 'zod';
import { InvalidEventError } from '../core/errors.js';
import { describeIssue, firstProblem } from '../core/config/zod-issues.js';
import type { ScoringModel } from '../core/scoring/model.js';
import type { Signals } from '../core/intents.js';
import {
  ID_MAX,
  MESSAGE_ID_MAX,
  NAME_MAX,
  checkCount,
  checkDomain,
  checkEmail,
  checkEmployees,
  checkFreeText,
  checkId,
  checkMilestoneKey,
  checkName,
  checkText,
  checkTimestamp,
  isAbsent,
  optionalField,
  optionalObject,
  requiredField,
} from './fields.js';

/**
 * Segment-spec message schemas (RudderStack follows the same spec). Each route validates only what it
 * uses — an unused odd field never rejects an event — and strips everything else, so no payload key
 * (`__proto__` included) reaches an intent. Signal fields depend on the scoring model and are parsed by
 * `parseSignals`.
 */

export const MESSAGE_TYPES = ['identify', 'track', 'group'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

const id = optionalField(checkId(ID_MAX));
const name = optionalField(checkName);

const envelope = {
  messageId: requiredField(checkId(MESSAGE_ID_MAX)),
  userId: id,
  anonymousId: id,
};

const emailTraits = { email: optionalField(checkEmail) };

/** `traits.company` is an object in the spec; a bare string is taken as the company name. */
const company = z.preprocess(
  (input) => (typeof input === 'string' ? { name: input } : input === null ? undefined : input),
  z
    .object({
      name,
      website: optionalField(checkDomain),
      domain: optionalField(checkDomain),
      id,
    })
    .optional(),
);

/** Who the person is, as SDKs repeat it in `context.traits` of track calls. */
const personTraits = {
  ...emailTraits,
  name,
  firstName: name,
  lastName: name,
  first_name: name,
  last_name: name,
};

const profileTraits = {
  ...personTraits,
  title: name,
  plan: name,
  createdAt: optionalField(checkTimestamp),
  company,
};

const withTraits = <Shape extends z.ZodRawShape>(traits: Shape) => ({
  traits: optionalObject(traits),
  context: optionalObject({
    traits: optionalObject(traits),
    groupId: id,
    campaign: optionalObject({ source: name }),
  }),
});

export const identifyMessageSchema = z.object({ ...envelope, ...withTraits(profileTraits) });

const eventName = { event: requiredField(checkText(NAME_MAX)) };

export const signupMessageSchema = z.object({
  ...envelope,
  ...eventName,
  ...withTraits(profileTraits),
  properties: optionalObject({ ...emailTraits, plan: name, source: name, company_name: name }),
});

export const milestoneMessageSchema = z.object({
  ...envelope,
  ...eventName,
  ...withTraits(personTraits),
  properties: optionalObject({ ...emailTraits, milestone: optionalField(checkMilestoneKey) }),
});

export const usageMessageSchema = z.object({
  ...envelope,
  ...eventName,
  ...withTraits(personTraits),
  properties: optionalObject(emailTraits),
});

export const handoffMessageSchema = z.object({
  ...envelope,
  ...eventName,
  ...withTraits(personTraits),
  properties: optionalObject({
    ...emailTraits,
    value: optionalField(checkCount),
    plan: name,
    reason: optionalField(checkFreeText),
  }),
});

export const groupMessageSchema = z.object({
  ...envelope,
  groupId: requiredField(checkId(ID_MAX)),
  traits: optionalObject({
    name,
    website: optionalField(checkDomain),
    domain: optionalField(checkDomain),
    plan: name,
    // The company's fit (account scoring): Segment's reserved group traits, and a flat `country`.
    industry: name,
    employees: optionalField(checkEmployees),
    address: optionalObject({ country: name }),
    country: name,
  }),
  context: optionalObject({ traits: optionalObject(emailTraits) }),
});

export type IdentifyMessage = z.infer<typeof identifyMessageSchema>;
export type SignupMessage = z.infer<typeof signupMessageSchema>;
export type MilestoneMessage = z.infer<typeof milestoneMessageSchema>;
export type UsageMessage = z.infer<typeof usageMessageSchema>;
export type HandoffMessage = z.infer<typeof handoffMessageSchema>;
export type GroupMessage = z.infer<typeof groupMessageSchema>;

/** Parses `raw` with `schema`, turning the first problem into an InvalidEventError naming the field. */
export function parseMessage<Schema extends z.ZodType>(schema: Schema, raw: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(raw, { error: describeIssue });
  if (parsed.success) return parsed.data;
  const { field, reason } = firstProblem(parsed.error, 'message');
  throw new InvalidEventError(field, reason);
}

/** The message type, lowercased (some senders write `IDENTIFY`); anything but the supported types is refused. */
export function messageType(raw: unknown): MessageType {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InvalidEventError('message', 'must be a JSON object');
  }
  const type: unknown = (raw as Record<string, unknown>)['type'];
  const supported = `must be one of: ${MESSAGE_TYPES.join(', ')}`;
  if (typeof type !== 'string')
    throw new InvalidEventError('type', isAbsent(type) ? `is required (${supported})` : supported);
  const lowered = type.trim().toLowerCase();
  if (!isMessageType(lowered)) throw new InvalidEventError('type', supported);
  return lowered;
}

function isMessageType(type: string): type is MessageType {
  return (MESSAGE_TYPES as readonly string[]).includes(type);
}

/** The track event name, or undefined when the message has none (then it cannot be routed). */
export function trackEventName(raw: object): string | undefined {
  const event: unknown = (raw as Record<string, unknown>)['event'];
  return typeof event === 'string' ? event.trim() : undefined;
}

const TIMESTAMP_FIELDS = ['timestamp', 'originalTimestamp', 'receivedAt', 'sentAt'] as const;

/** When the event happened: the first present of timestamp, originalTimestamp, receivedAt, sentAt. */
export function eventTimestamp(raw: object): string {
  const fields = raw as Record<string, unknown>;
  for (const field of TIMESTAMP_FIELDS) {
    if (isAbsent(fields[field])) continue;
    const checked = checkTimestamp(fields[field]);
    if (!checked.ok) throw new InvalidEventError(field, checked.reason);
    return checked.value;
  }
  throw new InvalidEventError('timestamp', `is required (or one of ${TIMESTAMP_FIELDS.slice(1).join(', ')})`);
}

const signalSchemas = new WeakMap<ScoringModel, z.ZodType<Signals>>();

/** A schema for an object holding the model's signals (only those; each absent or a count). */
function signalsSchema(model: ScoringModel): z.ZodType<Signals> {
  const cached = signalSchemas.get(model);
  if (cached !== undefined) return cached;
  const shape = Object.fromEntries(model.signals.map((signal) => [signal.key, optionalField(checkCount)]));
  const schema = z.object(shape).transform((values): Signals => {
    const present = Object.entries(values).filter((entry): entry is [string, number] => entry[1] !== undefined);
    return Object.fromEntries(present);
  });
  signalSchemas.set(model, schema);
  return schema;
}

/**
 * The model's signals found in `raw` at `path` (e.g. `['properties']`), validated; error paths name the
 * field as in the message, e.g. `properties.logins_7d`. An absent or non-object container has no signals.
 */
export function parseSignals(raw: object, path: readonly string[], model: ScoringModel): Signals {
  let container: unknown = raw;
  for (const key of path) {
    container =
      typeof container === 'object' && container !== null ? (container as Record<string, unknown>)[key] : undefined;
  }
  if (typeof container !== 'object' || container === null || Array.isArray(container)) return {};
  const parsed = signalsSchema(model).safeParse(container, { error: describeIssue });
  if (parsed.success) return parsed.data;
  const { field, reason } = firstProblem(parsed.error, '');
  throw new InvalidEventError([...path, field].join('.'), reason);
}
