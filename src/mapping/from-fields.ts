/**
 * Intents from flat field values, for sources where the user maps each value to a named field (Segment
 * action fields, a RudderStack field mapping) instead of sending a whole Segment-spec message. The same
 * field checks as `mapEvent` apply, and an error names the field as the user mapped it (`email`,
 * `signals.logins_7d`). Pure: throws InvalidEventError before any request is made.
 */
import { z } from 'zod';
import type { PlgConfig } from '../core/config/schema.js';
import { isPersonalDomain } from '../core/domains/index.js';
import { InvalidEventError } from '../core/errors.js';
import type { AssertRecordIntent } from '../core/workflows/assert-record.js';
import {
  ID_MAX,
  MESSAGE_ID_MAX,
  NAME_MAX,
  checkCount,
  checkDomain,
  checkEmail,
  checkFreeText,
  checkId,
  checkMilestoneKey,
  checkName,
  checkText,
  checkTimestamp,
  isAbsent,
  optionalField,
  requiredField,
} from './fields.js';
import type {
  GroupIntent,
  HandoffIntent,
  IdentifyIntent,
  Intent,
  MilestoneIntent,
  PqlIntent,
  SignupIntent,
} from '../core/intents.js';
import { parseMessage, parseSignals } from './messages.js';
import { definedOnly, isoDate, optionalPerson, personName, requirePerson } from './person.js';

const id = optionalField(checkId(ID_MAX));
const name = optionalField(checkName);

const delivery = {
  message_id: requiredField(checkId(MESSAGE_ID_MAX)),
  timestamp: requiredField(checkTimestamp),
};

const person = {
  email: optionalField(checkEmail),
  user_id: id,
  name,
  first_name: name,
  last_name: name,
};

const profile = {
  ...person,
  title: name,
  plan: name,
  created_at: optionalField(checkTimestamp),
  company_name: name,
  company_domain: optionalField(checkDomain),
  workspace_id: id,
};

/** Any object of flat values (a Segment payload, ...); each builder validates the keys it uses and ignores the rest. */
export type FieldValues = object;

const identifySchema = z.object({ ...delivery, ...profile });
const signupSchema = z.object({ ...delivery, ...profile, signup_source: name });
const milestoneSchema = z.object({
  ...delivery,
  ...person,
  event_name: name,
  milestone: optionalField(checkMilestoneKey),
});
const pqlSchema = z.object({ ...delivery, ...person });
const handoffSchema = z.object({
  ...delivery,
  ...person,
  event_name: requiredField(checkText(NAME_MAX)),
  value: optionalField(checkCount),
  plan: name,
  reason: optionalField(checkFreeText),
});
const groupSchema = z.object({
  ...delivery,
  group_id: requiredField(checkId(ID_MAX)),
  email: optionalField(checkEmail),
  user_id: id,
  name,
  domain: optionalField(checkDomain),
  plan: name,
});
const assertRecordSchema = z.object({
  object: requiredField(checkName),
  matching_attribute: requiredField(checkName),
});

const nameTraits = (values: { name?: string; first_name?: string; last_name?: string }) =>
  personName({ name: values.name, firstName: values.first_name, lastName: values.last_name });

/** identify: the person's profile, and a PQL intent when `signals` carries any of the model's signals. */
export function identifyFromFields(values: FieldValues, config: PlgConfig): Intent[] {
  const fields = parseMessage(identifySchema, values);
  const base = { messageId: fields.message_id, timestamp: fields.timestamp };
  const key = requirePersonField(fields.email, fields.user_id);
  const identify: IdentifyIntent = {
    kind: 'identify',
    ...base,
    person: key,
    profile: definedOnly({
      name: nameTraits(fields),
      jobTitle: fields.title,
      plan: fields.plan,
      signupDate: fields.created_at === undefined ? undefined : isoDate(fields.created_at),
      companyName: fields.company_name,
      companyDomain: fields.company_domain,
      workspaceId: fields.workspace_id,
    }),
  };
  const signals = parseSignals(values, ['signals'], config.scoringModel);
  if (Object.keys(signals).length === 0) return [identify];
  const pql: PqlIntent = { kind: 'pql', ...base, person: key, signals };
  return [identify, pql];
}

export function signupFromFields(values: FieldValues, config: PlgConfig): SignupIntent {
  const fields = parseMessage(signupSchema, values);
  if (fields.email === undefined) throw new InvalidEventError('email', 'is required for a signup');
  return {
    kind: 'signup',
    messageId: fields.message_id,
    timestamp: fields.timestamp,
    person: requirePersonField(fields.email, fields.user_id),
    profile: definedOnly({
      name: nameTraits(fields),
      jobTitle: fields.title,
      plan: fields.plan,
      signupDate: isoDate(fields.created_at ?? fields.timestamp),
      signupSource: fields.signup_source ?? config.signupSource,
      companyName: fields.company_name,
      companyDomain: fields.company_domain,
      workspaceId: fields.workspace_id,
    }),
  };
}

/** The milestone is `milestone` when mapped, else the one the configuration routes `event_name` to. */
export function milestoneFromFields(values: FieldValues, config: PlgConfig): MilestoneIntent {
  const fields = parseMessage(milestoneSchema, values);
  const event = fields.event_name;
  const routed =
    event !== undefined && Object.prototype.hasOwnProperty.call(config.milestoneEvents, event)
      ? config.milestoneEvents[event]
      : undefined;
  const milestone = fields.milestone ?? routed;
  if (milestone === undefined) {
    const known = Object.keys(config.milestoneEvents).join(', ');
    throw new InvalidEventError('milestone', `is required when the event is not one of: ${known}`);
  }
  return {
    kind: 'milestone',
    messageId: fields.message_id,
    timestamp: fields.timestamp,
    person: requirePersonField(fields.email, fields.user_id),
    ...definedOnly({ name: nameTraits(fields) }),
    milestone,
  };
}

export function pqlFromFields(values: FieldValues, config: PlgConfig): PqlIntent {
  const fields = parseMessage(pqlSchema, values);
  const signals = parseSignals(values, ['signals'], config.scoringModel);
  if (Object.keys(signals).length === 0) {
    const keys = config.scoringModel.signals.map((signal) => signal.key).join(', ');
    throw new InvalidEventError('signals', `must carry at least one scoring signal (${keys})`);
  }
  return {
    kind: 'pql',
    messageId: fields.message_id,
    timestamp: fields.timestamp,
    person: requirePersonField(fields.email, fields.user_id),
    ...definedOnly({ name: nameTraits(fields) }),
    signals,
  };
}

export function handoffFromFields(values: FieldValues): HandoffIntent {
  const fields = parseMessage(handoffSchema, values);
  return definedOnly({
    kind: 'handoff',
    messageId: fields.message_id,
    timestamp: fields.timestamp,
    person: requirePersonField(fields.email, fields.user_id),
    name: nameTraits(fields),
    eventName: fields.event_name,
    value: fields.value,
    plan: fields.plan,
    reason: fields.reason,
  });
}

/** group: the account (`domain` is reduced to its host) with account-level `signals`, and who called it. */
export function groupFromFields(values: FieldValues, config: PlgConfig): GroupIntent {
  const fields = parseMessage(groupSchema, values);
  return definedOnly({
    kind: 'group',
    messageId: fields.message_id,
    timestamp: fields.timestamp,
    groupId: fields.group_id,
    person: optionalPerson(fields.email, fields.user_id),
    company: definedOnly({ name: fields.name, domain: fields.domain, plan: fields.plan }),
    signals: parseSignals(values, ['signals'], config.scoringModel),
  });
}

/** An upsert of any object on a unique attribute; `attributes` holds the values keyed by attribute slug. */
export function assertRecordFromFields(values: FieldValues): AssertRecordIntent {
  const fields = parseMessage(assertRecordSchema, values);
  const attributes = attributeValues((values as Record<string, unknown>)['attributes'], 'attributes');
  if (attributes[fields.matching_attribute] === undefined) {
    throw new InvalidEventError(
      `attributes.${fields.matching_attribute}`,
      'is required: the matching attribute needs a value',
    );
  }
  return {
    kind: 'assertRecord',
    object: fields.object,
    matchingAttribute: fields.matching_attribute,
    values: attributes,
  };
}

/**
 * Extra attributes mapped by the user (`person_attributes`, ...) for an upsert of `object` on `matchingAttribute`
 * = `matchingValue`; undefined when none are mapped, so no request is made for them.
 */
export function extraAttributesIntent(
  input: unknown,
  field: string,
  target: { object: string; matchingAttribute: string; matchingValue: unknown },
): AssertRecordIntent | undefined {
  const extra = attributeValues(input, field);
  if (Object.keys(extra).length === 0) return undefined;
  return {
    kind: 'assertRecord',
    object: target.object,
    matchingAttribute: target.matchingAttribute,
    values: { ...extra, [target.matchingAttribute]: [target.matchingValue] },
  };
}

/** Whether a company may be created for `domain` under the configuration's personal-domain policy. */
export function companyDomainAllowed(domain: string, config: PlgConfig): boolean {
  return config.personalDomains === 'allow-company' || !isPersonalDomain(domain, config.extraPersonalDomains);
}

/** Attio attribute slugs and ids: a letter or digit, then letters, digits, `_` or `-`. */
const ATTRIBUTE_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/**
 * Key-value attributes as Attio values: every value an array (a scalar becomes one element), absent values
 * (missing, null, blank) left out so that an unmapped value never clears a stored one.
 */
export function attributeValues(input: unknown, field: string): Record<string, unknown[]> {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input))
    throw new InvalidEventError(field, 'must be an object of attribute slug -> value');
  const out: Array<[string, unknown[]]> = [];
  for (const [key, value] of Object.entries(input)) {
    if (!ATTRIBUTE_KEY.test(key))
      throw new InvalidEventError(`${field}.${key}`, 'is not an Attio attribute slug or id');
    if (isAbsent(value)) continue;
    out.push([key, Array.isArray(value) ? value : [value]]);
  }
  return Object.fromEntries(out);
}

function requirePersonField(email: string | undefined, userId: string | undefined) {
  if (email === undefined && userId === undefined)
    throw new InvalidEventError('email', 'is required when no user_id is given');
  return requirePerson(email, userId);
}
