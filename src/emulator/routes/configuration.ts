/**
 * Workspace configuration writes: create attributes (objects and lists), select options, statuses and lists,
 * with the rules and errors of Attio's create operations (400 validation_type, 404 not_found, 409 slug_conflict,
 * and value_not_found for an unknown list member).
 */
import { randomUUID } from 'node:crypto';
import {
  API_SLUG,
  CREATABLE_TYPES,
  CURRENCY_CODES,
  CURRENCY_DISPLAY_TYPES,
  ISO_DURATION,
  newAttribute,
  newStatus,
} from '../attributes.js';
import { AttioApiError, notFound, validationType, valueNotFound } from '../errors.js';
import type { AttributeDef, AttributeParent, AttributeType, ListAccess, ListDef } from '../model.js';
import { bodyData } from '../records.js';
import { renderAttribute, renderList, renderOption, renderStatus } from '../render.js';
import { ok, type HandlerContext, type Route } from '../router.js';
import { findObject, findParent, requireAttribute } from '../store.js';
import { parseValues, renderValue, type WriteContext } from '../values.js';

const slugConflict = (message: string): AttioApiError =>
  new AttioApiError(409, 'invalid_request_error', 'slug_conflict', message);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function requireKeys(data: Record<string, unknown>, required: readonly string[], allowed: readonly string[]): void {
  const missing = required.filter((key) => !(key in data));
  if (missing.length > 0)
    throw validationType(
      `Body payload validation error: missing required field(s) ${missing.map((k) => `"data.${k}"`).join(', ')}.`,
    );
  const unknown = Object.keys(data).filter((key) => !allowed.includes(key));
  if (unknown.length > 0)
    throw validationType(
      `Body payload validation error: unrecognised field(s) ${unknown.map((k) => `"data.${k}"`).join(', ')}.`,
    );
}

function requireString(data: Record<string, unknown>, key: string): string {
  const v = data[key];
  if (typeof v !== 'string' || v.trim() === '') throw validationType(`"data.${key}" must be a non-empty string.`);
  return v;
}

function requireBoolean(data: Record<string, unknown>, key: string): boolean {
  const v = data[key];
  if (typeof v !== 'boolean') throw validationType(`"data.${key}" must be a boolean.`);
  return v;
}

function requireApiSlug(data: Record<string, unknown>): string {
  const slug = requireString(data, 'api_slug');
  if (!API_SLUG.test(slug)) {
    throw validationType(
      `"data.api_slug" must be snake case (lower-case letters, digits and single underscores, starting with a letter), received "${slug}".`,
    );
  }
  return slug;
}

const ATTRIBUTE_KEYS = [
  'title',
  'description',
  'api_slug',
  'type',
  'is_required',
  'is_unique',
  'is_multiselect',
  'default_value',
  'config',
];
const ATTRIBUTE_REQUIRED = ['title', 'api_slug', 'type', 'is_required', 'is_unique', 'is_multiselect', 'config'];

function readCurrency(config: Record<string, unknown>): { currency: string; currencyDisplay: string } {
  const currency = config.currency;
  if (
    !isObject(currency) ||
    !CURRENCY_CODES.has(String(currency.default_currency_code)) ||
    !CURRENCY_DISPLAY_TYPES.has(String(currency.display_type))
  ) {
    throw validationType(
      'A currency attribute needs "config.currency" with a supported "default_currency_code" and a "display_type" (code, name, narrowSymbol or symbol).',
    );
  }
  return { currency: String(currency.default_currency_code), currencyDisplay: String(currency.display_type) };
}

function readAllowedObjects(ctx: HandlerContext, config: Record<string, unknown>): string[] {
  const reference = config.record_reference;
  const allowed = isObject(reference) ? reference.allowed_objects : undefined;
  if (!Array.isArray(allowed) || allowed.length === 0 || !allowed.every((o) => typeof o === 'string')) {
    throw validationType(
      'A record-reference attribute needs "config.record_reference.allowed_objects": one or more object slugs or IDs.',
    );
  }
  return [...new Set(allowed.map((o: string) => findObject(ctx.ws, o).slug))];
}

/** Dynamic defaults are kept as given; static ones are parsed like values and kept in Attio's output form. */
function readDefaultValue(write: WriteContext, parent: AttributeParent, attr: AttributeDef, raw: unknown): unknown {
  if (raw === undefined || raw === null) return null;
  if (parent.kind === 'object' && (parent.slug === 'people' || parent.slug === 'companies')) {
    throw validationType('Default values are not supported on people or company objects.');
  }
  if (!isObject(raw) || (raw.type !== 'dynamic' && raw.type !== 'static')) {
    throw validationType(
      '"data.default_value" must be null, {type: "dynamic", template} or {type: "static", template: [...]}.',
    );
  }
  if (raw.type === 'dynamic') {
    const template = raw.template;
    const fits =
      (attr.type === 'actor-reference' && template === 'current-user') ||
      ((attr.type === 'date' || attr.type === 'timestamp') &&
        typeof template === 'string' &&
        ISO_DURATION.test(template));
    if (!fits)
      throw validationType(
        `A dynamic default for a ${attr.type} attribute takes "current-user" (actor references) or an ISO 8601 duration (dates, timestamps).`,
      );
    return { type: 'dynamic', template };
  }
  const values = parseValues(write, parent, attr, raw.template);
  return { type: 'static', template: values.map((v) => renderValue(write.ws, parent, attr, v)) };
}

function createAttribute(ctx: HandlerContext): { parent: AttributeParent; attr: AttributeDef } {
  const parent = findParent(ctx.ws, ctx.params.target ?? '', ctx.params.identifier ?? '');
  const data = bodyData(ctx.body);
  requireKeys(data, ATTRIBUTE_REQUIRED, ATTRIBUTE_KEYS);
  const title = requireString(data, 'title');
  const slug = requireApiSlug(data);
  const type = data.type;
  const rules = typeof type === 'string' ? CREATABLE_TYPES[type] : undefined;
  if (!rules) {
    throw validationType(
      `"data.type" must be one of ${Object.keys(CREATABLE_TYPES).join(', ')}, received ${JSON.stringify(type)}.`,
    );
  }
  if (data.description !== undefined && data.description !== null && typeof data.description !== 'string') {
    throw validationType('"data.description" must be a string or null.');
  }
  const [required, unique, multi] = [
    requireBoolean(data, 'is_required'),
    requireBoolean(data, 'is_unique'),
    requireBoolean(data, 'is_multiselect'),
  ];
  if (!isObject(data.config)) throw validationType('"data.config" must be an object.');
  if (type === 'status' && parent.kind === 'object')
    throw validationType('Attributes of type "status" are not supported on objects.');
  if (multi && !rules.multi) throw validationType(`Attributes of type "${type}" cannot be multiselect.`);
  if (unique && !rules.unique) throw validationType(`Attributes of type "${type}" cannot be unique.`);
  if (unique && parent.kind === 'object' && parent.slug === 'companies') {
    throw validationType('Custom attributes of the companies object cannot be unique.');
  }
  const currency = type === 'currency' ? readCurrency(data.config) : undefined;
  const targets = type === 'record-reference' ? readAllowedObjects(ctx, data.config) : undefined;
  if (parent.attributes.some((a) => a.slug === slug)) {
    throw slugConflict(
      `An attribute with the same API slug already exists on this ${parent.kind}. Please choose a different API slug.`,
    );
  }
  const attr = newAttribute(
    {
      slug,
      type: type as AttributeType,
      title,
      description: typeof data.description === 'string' ? data.description : null,
      required,
      unique,
      multi,
      ...currency,
      ...(targets ? { targets } : {}),
    },
    ctx.write.now,
  );
  attr.defaultValue = readDefaultValue(ctx.write, parent, attr, data.default_value);
  parent.attributes.push(attr);
  return { parent, attr };
}

function choiceTarget(
  ctx: HandlerContext,
  type: 'select' | 'status',
): { parent: AttributeParent; attr: AttributeDef; title: string } {
  const parent = findParent(ctx.ws, ctx.params.target ?? '', ctx.params.identifier ?? '');
  const attr = requireAttribute(parent, ctx.params.attribute ?? '');
  const data = bodyData(ctx.body);
  if (attr.type !== type) throw validationType(`This attribute is not a ${type} attribute.`);
  return { parent, attr, title: requireString(data, 'title').trim() };
}

const ACCESS_LEVELS: readonly ListAccess[] = ['full-access', 'read-and-write', 'read-only'];
const isAccess = (v: unknown): v is ListAccess => ACCESS_LEVELS.includes(v as ListAccess);
const LIST_KEYS = ['name', 'api_slug', 'parent_object', 'workspace_access', 'workspace_member_access'];

function createList(ctx: HandlerContext): ListDef {
  const { ws } = ctx;
  const data = bodyData(ctx.body);
  requireKeys(data, LIST_KEYS, LIST_KEYS);
  const name = requireString(data, 'name');
  const slug = requireApiSlug(data);
  const parentObject = requireString(data, 'parent_object');
  const access = data.workspace_access;
  if (access !== null && !isAccess(access))
    throw validationType('"data.workspace_access" must be "full-access", "read-and-write", "read-only" or null.');
  const members = data.workspace_member_access;
  if (
    !Array.isArray(members) ||
    !members.every((m) => isObject(m) && typeof m.workspace_member_id === 'string' && isAccess(m.level))
  ) {
    throw validationType('"data.workspace_member_access" must be an array of {workspace_member_id, level}.');
  }
  const memberAccess = members.map((m: Record<string, unknown>) => ({
    workspace_member_id: String(m.workspace_member_id),
    level: m.level as ListAccess,
  }));
  if (access !== 'full-access' && !memberAccess.some((m) => m.level === 'full-access')) {
    throw validationType(
      'A new list needs "workspace_access" "full-access" or at least one workspace member with "full-access".',
    );
  }
  const object = ws.objects.find((o) => o.slug === parentObject || o.id === parentObject);
  if (!object) throw notFound(`Parent object with slug/ID "${parentObject}" not found.`);
  for (const m of memberAccess) {
    if (!ws.members.some((member) => member.id === m.workspace_member_id)) {
      throw valueNotFound(`Workspace member with ID "${m.workspace_member_id}" not found.`);
    }
  }
  if (ws.lists.some((l) => l.slug === slug)) throw slugConflict(`A list with api_slug "${slug}" already exists.`);
  const list: ListDef = {
    kind: 'list',
    id: randomUUID(),
    slug,
    name,
    parentObject: object.slug,
    workspaceAccess: access,
    workspaceMemberAccess: memberAccess,
    createdBy: ctx.write.actor,
    createdAt: ctx.write.now,
    attributes: [],
  };
  ws.lists.push(list);
  return list;
}

export const configurationRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v2/:target/:identifier/attributes',
    handler: (ctx) => {
      const { parent, attr } = createAttribute(ctx);
      return ok(renderAttribute(ctx.ws, parent, attr));
    },
  },
  {
    method: 'POST',
    path: '/v2/:target/:identifier/attributes/:attribute/options',
    handler: (ctx) => {
      const { parent, attr, title } = choiceTarget(ctx, 'select');
      if (attr.options.some((o) => o.title === title))
        throw slugConflict(`There is already another select option with the title "${title}".`);
      const option = { id: randomUUID(), title, isArchived: false };
      attr.options.push(option);
      return ok(renderOption(ctx.ws, parent, attr, option));
    },
  },
  {
    method: 'POST',
    path: '/v2/:target/:identifier/attributes/:attribute/statuses',
    handler: (ctx) => {
      const { parent, attr, title } = choiceTarget(ctx, 'status');
      const data = bodyData(ctx.body);
      const celebration = data.celebration_enabled ?? false;
      if (typeof celebration !== 'boolean') throw validationType('"data.celebration_enabled" must be a boolean.');
      const target = data.target_time_in_status ?? null;
      if (target !== null && (typeof target !== 'string' || !ISO_DURATION.test(target))) {
        throw validationType('"data.target_time_in_status" must be an ISO 8601 duration such as "P14D", or null.');
      }
      if (attr.statuses.some((s) => s.title === title))
        throw slugConflict(`There is already another status with the title "${title}".`);
      const status = newStatus(title, celebration, target);
      attr.statuses.push(status);
      return ok(renderStatus(ctx.ws, parent, attr, status));
    },
  },
  { method: 'POST', path: '/v2/lists', handler: (ctx) => ok(renderList(ctx.ws, createList(ctx))) },
];
