/** Attribute values: parsing request input per attribute type, identity keys, and Attio's output shape. */
import { multipleMatchResults, validationType, valueNotFound } from './errors.js';
import { normaliseDomain, parseEmail, rootDomain } from './domains.js';
import type { Actor, AttributeDef, AttributeParent, StoredValue, Workspace } from './model.js';
import { parseLocation, parsePhoneNumber } from './phone-location.js';
import { renderOption, renderStatus } from './render.js';
import { attioTimestamp, findAttribute, findObject, memberReference, rowsWithValue } from './store.js';
import type { WebhookEvent } from './webhooks/events.js';

export interface WriteContext {
  ws: Workspace;
  /** Who writes: the API token, or a workspace member (a rep, through the emulator's member token). */
  actor: Actor;
  now: string;
  /** Collects the webhook events of this request's changes; sent only once the request succeeded. */
  events?: WebhookEvent[];
}

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function wrongType(attr: AttributeDef, expected: string, got: unknown): never {
  throw validationType(
    `Invalid value for attribute "${attr.slug}" of type "${attr.type}": expected ${expected}, received ${JSON.stringify(got)}.`,
  );
}

/** A bare value or Attio's object form `{<field>: value}`. */
function unwrap(item: unknown, field: string): unknown {
  return isObject(item) && field in item ? item[field] : item;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(attr: AttributeDef, raw: unknown): string {
  if (typeof raw !== 'string') return wrongType(attr, 'a date string (YYYY-MM-DD)', raw);
  const day = DATE.test(raw) ? raw : raw.includes('T') && !Number.isNaN(Date.parse(raw)) ? raw.slice(0, 10) : undefined;
  const parsed = day ? new Date(`${day}T00:00:00Z`) : undefined;
  if (!day || !parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) {
    return wrongType(attr, 'a date string (YYYY-MM-DD)', raw);
  }
  return day;
}

function parseTimestamp(attr: AttributeDef, raw: unknown): string {
  const ms = typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}/.test(raw) ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(ms)) return wrongType(attr, 'an ISO 8601 timestamp', raw);
  return attioTimestamp(new Date(ms));
}

function parseChoice(attr: AttributeDef, raw: unknown, kind: 'option' | 'status'): Fields {
  const wanted = unwrap(raw, kind);
  if (typeof wanted !== 'string') return wrongType(attr, `a ${kind} title or id`, raw);
  const choices = kind === 'option' ? attr.options : attr.statuses;
  const found = choices.find((c) => !c.isArchived && (c.id === wanted || c.title === wanted));
  if (!found) {
    throw valueNotFound(
      `Cannot find ${kind === 'option' ? 'select option' : 'status'} with title or ID "${wanted}" for attribute "${attr.slug}".`,
    );
  }
  return { [kind]: found.id };
}

function parsePersonalName(attr: AttributeDef, raw: unknown): Fields {
  if (typeof raw === 'string') {
    const full = raw.trim().replace(/\s+/g, ' ');
    const space = full.indexOf(' ');
    return space < 0
      ? { first_name: full, last_name: '', full_name: full }
      : { first_name: full.slice(0, space), last_name: full.slice(space + 1), full_name: full };
  }
  if (!isObject(raw)) return wrongType(attr, 'a name string or {first_name, last_name, full_name}', raw);
  const part = (key: string): string => {
    const v = raw[key];
    if (v === undefined || v === null) return '';
    if (typeof v !== 'string') return wrongType(attr, `${key} as a string`, v);
    return v.trim();
  };
  const first = part('first_name');
  const last = part('last_name');
  const full = part('full_name') || [first, last].filter(Boolean).join(' ');
  return { first_name: first, last_name: last, full_name: full };
}

function parseRecordReference(ctx: WriteContext, attr: AttributeDef, raw: unknown): Fields {
  if (!isObject(raw) || typeof raw.target_object !== 'string') {
    return wrongType(attr, '{target_object, target_record_id} or {target_object, <unique attribute>: [...]}', raw);
  }
  const target = findObject(ctx.ws, raw.target_object);
  if (!attr.allowedObjects.includes(target.slug)) {
    throw validationType(`Attribute "${attr.slug}" cannot reference records of object "${target.slug}".`);
  }
  if (typeof raw.target_record_id === 'string') {
    const row = ctx.ws.records.get(raw.target_record_id);
    if (!row || row.object !== target.slug) {
      throw valueNotFound(`Record with ID "${raw.target_record_id}" not found on object "${target.slug}".`);
    }
    return { target_object: target.slug, target_record_id: row.id };
  }
  const matchers = Object.keys(raw).filter((k) => k !== 'target_object');
  const [matcher] = matchers;
  if (matchers.length !== 1 || matcher === undefined) {
    return wrongType(attr, 'target_record_id or exactly one unique attribute to match on', raw);
  }
  const matchAttr = findAttribute(target, matcher);
  if (!matchAttr) throw valueNotFound(`Cannot find attribute with slug/ID "${matcher}" on object "${target.slug}".`);
  if (!matchAttr.isUnique)
    throw validationType(`Attribute "${matcher}" of "${target.slug}" is not unique and cannot match a record.`);
  const keys = parseValues(ctx, target, matchAttr, raw[matcher]).map((v) => valueKey(matchAttr, v.fields));
  const matches = rowsWithValue(ctx.ws, target, matchAttr, keys);
  if (matches.length === 0)
    throw valueNotFound(`No "${target.slug}" record matches ${matcher} ${JSON.stringify(raw[matcher])}.`);
  if (matches.length > 1) throw multipleMatchResults(`More than one "${target.slug}" record matches ${matcher}.`);
  return { target_object: target.slug, target_record_id: matches[0]?.id };
}

function parseActorReference(ctx: WriteContext, attr: AttributeDef, raw: unknown): Fields {
  let member;
  if (typeof raw === 'string') {
    member = memberReference(ctx.ws, raw.includes('@') ? { email: raw } : { id: raw });
  } else if (isObject(raw) && typeof raw.workspace_member_email_address === 'string') {
    member = memberReference(ctx.ws, { email: raw.workspace_member_email_address });
  } else if (isObject(raw) && typeof raw.referenced_actor_id === 'string') {
    if (raw.referenced_actor_type !== undefined && raw.referenced_actor_type !== 'workspace-member') {
      throw validationType(`Attribute "${attr.slug}" only references workspace members.`);
    }
    member = memberReference(ctx.ws, { id: raw.referenced_actor_id });
  } else {
    return wrongType(attr, 'a workspace member email or {referenced_actor_type, referenced_actor_id}', raw);
  }
  return { referenced_actor_type: 'workspace-member', referenced_actor_id: member.id };
}

function parseOne(ctx: WriteContext, attr: AttributeDef, raw: unknown): Fields {
  switch (attr.type) {
    case 'text': {
      const v = unwrap(raw, 'value');
      return typeof v === 'string' ? { value: v } : wrongType(attr, 'a string', raw);
    }
    case 'number': {
      const v = unwrap(raw, 'value');
      return typeof v === 'number' && Number.isFinite(v) ? { value: v } : wrongType(attr, 'a number', raw);
    }
    case 'checkbox': {
      const v = unwrap(raw, 'value');
      return typeof v === 'boolean' ? { value: v } : wrongType(attr, 'a boolean', raw);
    }
    case 'date':
      return { value: parseDate(attr, unwrap(raw, 'value')) };
    case 'timestamp':
      return { value: parseTimestamp(attr, unwrap(raw, 'value')) };
    case 'currency': {
      const v = unwrap(raw, 'currency_value');
      return typeof v === 'number' && Number.isFinite(v)
        ? { currency_value: v, currency_code: attr.currencyCode }
        : wrongType(attr, 'a number', raw);
    }
    case 'select':
      return parseChoice(attr, raw, 'option');
    case 'status':
      return parseChoice(attr, raw, 'status');
    case 'email-address': {
      const v = unwrap(raw, 'email_address');
      const parsed = typeof v === 'string' ? parseEmail(v) : undefined;
      return parsed ? { ...parsed } : wrongType(attr, 'a valid email address', raw);
    }
    case 'domain': {
      const v = unwrap(raw, 'domain');
      const domain = typeof v === 'string' ? normaliseDomain(v) : undefined;
      return domain ? { domain, root_domain: rootDomain(domain) } : wrongType(attr, 'a valid domain', raw);
    }
    case 'personal-name':
      return parsePersonalName(attr, raw);
    case 'record-reference':
      return parseRecordReference(ctx, attr, raw);
    case 'actor-reference':
      return parseActorReference(ctx, attr, raw);
    case 'rating': {
      const v = unwrap(raw, 'value');
      return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 5
        ? { value: v }
        : wrongType(attr, 'an integer from 0 to 5', raw);
    }
    case 'location':
      return (
        parseLocation(raw) ??
        wrongType(attr, 'a location {line_1, ..., locality, region, postcode, country_code, latitude, longitude}', raw)
      );
    case 'phone-number':
      return (
        parsePhoneNumber(raw) ??
        wrongType(attr, 'a phone number in E.164 form, or {original_phone_number, country_code}', raw)
      );
  }
}

/** Parses one attribute's input (an array, or a bare value for single-value attributes); null or [] clears it. */
export function parseValues(
  ctx: WriteContext,
  parent: AttributeParent,
  attr: AttributeDef,
  raw: unknown,
): StoredValue[] {
  if (attr.isSystem)
    throw validationType(`Attribute "${attr.slug}" of "${parent.slug}" is a system attribute and cannot be written.`);
  if (raw === null || raw === undefined) return [];
  const items = Array.isArray(raw) ? raw : [raw];
  if (!attr.isMultiselect && items.length > 1) {
    throw validationType(`Attribute "${attr.slug}" accepts a single value, received ${items.length}.`);
  }
  const parsed = items.map((item) => ({
    activeFrom: ctx.now,
    createdBy: ctx.actor,
    fields: parseOne(ctx, attr, item),
  }));
  // Repeated values of a multi-value attribute collapse into one, as in Attio.
  const seen = new Set<string>();
  return parsed.filter((v) => {
    const key = valueKey(attr, v.fields);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What makes two values of an attribute the same value (uniqueness, matching, de-duplication). */
export function valueKey(attr: AttributeDef, fields: Record<string, unknown>): string {
  switch (attr.type) {
    case 'email-address':
      return String(fields.email_address);
    case 'domain':
      return String(fields.domain);
    case 'select':
      return String(fields.option);
    case 'status':
      return String(fields.status);
    case 'personal-name':
      return String(fields.full_name).toLowerCase();
    case 'record-reference':
      return `${String(fields.target_object)}/${String(fields.target_record_id)}`;
    case 'actor-reference':
      return String(fields.referenced_actor_id);
    case 'currency':
      return String(fields.currency_value);
    case 'phone-number':
      return String(fields.phone_number);
    case 'location':
      return JSON.stringify(fields);
    default:
      return JSON.stringify(fields.value);
  }
}

export function renderValue(ws: Workspace, parent: AttributeParent, attr: AttributeDef, value: StoredValue): unknown {
  const typed: Fields = { ...value.fields };
  if (attr.type === 'select') {
    const option = attr.options.find((o) => o.id === value.fields.option);
    if (option) typed.option = renderOption(ws, parent, attr, option);
  } else if (attr.type === 'status') {
    const status = attr.statuses.find((s) => s.id === value.fields.status);
    if (status) typed.status = renderStatus(ws, parent, attr, status);
  }
  return {
    active_from: value.activeFrom,
    active_until: value.activeUntil ?? null,
    created_by_actor: value.createdBy,
    ...typed,
    attribute_type: attr.type,
  };
}
