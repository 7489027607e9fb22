/** Attio's query filters (shorthand, verbose, $and/$or/$not) and simple sorts, compiled once per query. */
import { filterError } from './errors.js';
import type { AttributeDef, AttributeParent, AttributeType, StoredValue, ValueMap, Workspace } from './model.js';
import { LOCATION_FIELDS } from './phone-location.js';
import { findAttribute } from './store.js';

/** What a filter looks at: stored values plus built-in fields such as record_id or parent_record_id. */
export interface FilterSubject {
  values: ValueMap;
  builtins: Record<string, string>;
}

type Scalar = string | number | boolean;
type Test = (candidates: Scalar[]) => boolean;
export type Predicate = (subject: FilterSubject) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

const DEFAULT_FIELD: Record<AttributeType, string> = {
  text: 'value',
  number: 'value',
  checkbox: 'value',
  date: 'value',
  timestamp: 'value',
  currency: 'currency_value',
  select: 'option',
  status: 'status',
  'email-address': 'email_address',
  domain: 'domain',
  'personal-name': 'full_name',
  'record-reference': 'target_record_id',
  'actor-reference': 'referenced_actor_id',
  rating: 'value',
  location: 'locality',
  'phone-number': 'phone_number',
};

const FIELDS: Record<AttributeType, string[]> = {
  text: ['value'],
  number: ['value'],
  checkbox: ['value'],
  date: ['value'],
  timestamp: ['value'],
  currency: ['currency_value', 'currency_code'],
  select: ['option'],
  status: ['status'],
  'email-address': [
    'email_address',
    'original_email_address',
    'email_domain',
    'email_root_domain',
    'email_local_specifier',
  ],
  domain: ['domain', 'root_domain'],
  'personal-name': ['full_name', 'first_name', 'last_name'],
  'record-reference': ['target_record_id', 'target_object'],
  'actor-reference': ['referenced_actor_id', 'referenced_actor_type'],
  rating: ['value'],
  location: [...LOCATION_FIELDS],
  'phone-number': ['phone_number', 'original_phone_number', 'country_code'],
};

export class FilterCompiler {
  constructor(
    private readonly ws: Workspace,
    private readonly parent: AttributeParent,
    private readonly builtinFields: readonly string[],
  ) {}

  compile(filter: unknown): Predicate {
    if (filter === undefined || filter === null) return () => true;
    return this.node(filter);
  }

  private node(node: unknown): Predicate {
    if (!isObject(node)) throw filterError(`Error in filter: expected an object, received ${JSON.stringify(node)}.`);
    const parts = Object.entries(node).map(([key, cond]) => this.entry(key, cond));
    return (s) => parts.every((p) => p(s));
  }

  private entry(key: string, cond: unknown): Predicate {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(cond)) throw filterError(`Error in filter: "${key}" takes an array of filters.`);
      const parts = cond.map((c) => this.node(c));
      return key === '$and' ? (s) => parts.every((p) => p(s)) : (s) => parts.some((p) => p(s));
    }
    if (key === '$not') {
      const inner = this.node(cond);
      return (s) => !inner(s);
    }
    if (this.builtinFields.includes(key)) {
      const test = this.test(cond, key, undefined);
      return (s) => test(s.builtins[key] !== undefined ? [s.builtins[key] as string] : []);
    }
    const attr = findAttribute(this.parent, key);
    if (!attr)
      throw filterError(`Error in filter: unknown attribute "${key}" on ${this.parent.kind} "${this.parent.slug}".`);
    return this.attribute(attr, cond);
  }

  private attribute(attr: AttributeDef, cond: unknown): Predicate {
    const values = (s: FilterSubject): StoredValue[] => s.values[attr.slug] ?? [];
    if (isObject(cond) && '$not_empty' in cond && Object.keys(cond).length === 1) {
      const want = cond.$not_empty !== false;
      return (s) => values(s).length > 0 === want;
    }
    const fieldConds: [string, unknown][] =
      isObject(cond) && !Object.keys(cond).every((k) => k.startsWith('$'))
        ? Object.entries(cond)
        : [[DEFAULT_FIELD[attr.type], cond]];
    const tests = fieldConds.map(([field, c]) => {
      if (!FIELDS[attr.type].includes(field)) {
        throw filterError(`Error in filter: "${field}" is not a field of ${attr.type} attribute "${attr.slug}".`);
      }
      return { field, test: this.test(c, `${attr.slug}.${field}`, attr) };
    });
    // A multi-value attribute matches when one of its values satisfies every field condition.
    return (s) => values(s).some((v) => tests.every(({ field, test }) => test(this.candidates(attr, v, field))));
  }

  /** The comparable forms of a field: select/status match by id or title, objects by slug or id. */
  private candidates(attr: AttributeDef, value: StoredValue, field: string): Scalar[] {
    const raw = value.fields[field];
    if (field === 'option') return [String(raw), attr.options.find((o) => o.id === raw)?.title ?? ''];
    if (field === 'status') return [String(raw), attr.statuses.find((o) => o.id === raw)?.title ?? ''];
    if (field === 'target_object') return [String(raw), this.ws.objects.find((o) => o.slug === raw)?.id ?? ''];
    if (field === 'referenced_actor_id') return [String(raw), this.ws.members.find((m) => m.id === raw)?.email ?? ''];
    return isScalar(raw) ? [raw] : [];
  }

  private test(cond: unknown, where: string, attr: AttributeDef | undefined): Test {
    const eq = (a: Scalar, b: unknown): boolean => compare(attr, a, b) === 0;
    if (isScalar(cond)) return (cs) => cs.some((c) => eq(c, cond));
    if (!isObject(cond))
      throw filterError(`Error in filter: invalid condition for "${where}": ${JSON.stringify(cond)}.`);
    const ops = Object.entries(cond).map(([op, operand]): Test => {
      switch (op) {
        case '$eq':
          return (cs) => cs.some((c) => eq(c, operand));
        case '$in':
          if (!Array.isArray(operand)) throw filterError(`Error in filter: "$in" for "${where}" takes an array.`);
          return (cs) => cs.some((c) => operand.some((o) => eq(c, o)));
        case '$contains':
        case '$starts_with':
        case '$ends_with': {
          if (typeof operand !== 'string') throw filterError(`Error in filter: "${op}" for "${where}" takes a string.`);
          const needle = operand.toLowerCase();
          const match = (c: string): boolean =>
            op === '$contains' ? c.includes(needle) : op === '$starts_with' ? c.startsWith(needle) : c.endsWith(needle);
          return (cs) => cs.some((c) => typeof c === 'string' && match(c.toLowerCase()));
        }
        case '$gt':
        case '$gte':
        case '$lt':
        case '$lte': {
          if (typeof operand !== 'string' && typeof operand !== 'number') {
            throw filterError(`Error in filter: "${op}" for "${where}" takes a number or string.`);
          }
          const ok = (n: number): boolean =>
            op === '$gt' ? n > 0 : op === '$gte' ? n >= 0 : op === '$lt' ? n < 0 : n <= 0;
          return (cs) =>
            cs.some((c) => {
              const order = compare(attr, c, operand);
              return order !== undefined && ok(order);
            });
        }
        default:
          throw filterError(`Error in filter: unknown operator "${op}" for "${where}".`);
      }
    });
    return (cs) => ops.every((t) => t(cs));
  }
}

/** Orders a stored scalar against a filter operand; undefined when they cannot be compared. */
function compare(attr: AttributeDef | undefined, stored: Scalar, operand: unknown): number | undefined {
  if (attr?.type === 'timestamp' && typeof stored === 'string' && typeof operand === 'string') {
    const a = Date.parse(stored);
    const b = Date.parse(operand);
    if (!Number.isNaN(a) && !Number.isNaN(b)) return Math.sign(a - b);
  }
  if (typeof stored === 'number' && typeof operand === 'number') return Math.sign(stored - operand);
  if (typeof stored === 'string' && typeof operand === 'string') {
    const fold = attr?.type === 'email-address' || attr?.type === 'domain';
    const a = fold ? stored.toLowerCase() : stored;
    const b = fold ? operand.toLowerCase() : operand;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof stored === 'boolean' && typeof operand === 'boolean') return stored === operand ? 0 : 1;
  return undefined;
}

export interface Sort {
  attribute: string;
  direction: 'asc' | 'desc';
}

/** Sorts by the first value of each attribute (select/status by title); empty values go last. */
export function compileSorts(parent: AttributeParent, sorts: unknown): (a: FilterSubject, b: FilterSubject) => number {
  if (sorts === undefined || sorts === null) return () => 0;
  if (!Array.isArray(sorts)) throw filterError('"sorts" must be an array of {attribute, direction}.');
  const keys = sorts.map((sort: unknown) => {
    if (
      !isObject(sort) ||
      typeof sort.attribute !== 'string' ||
      (sort.direction !== 'asc' && sort.direction !== 'desc')
    ) {
      throw filterError(`Invalid sort ${JSON.stringify(sort)}: expected {attribute, direction: "asc"|"desc"}.`);
    }
    const attr = findAttribute(parent, sort.attribute);
    if (!attr) throw filterError(`Cannot sort by unknown attribute "${sort.attribute}".`);
    return { attr, sign: sort.direction === 'asc' ? 1 : -1 };
  });
  const sortValue = (attr: AttributeDef, s: FilterSubject): Scalar | undefined => {
    const first = s.values[attr.slug]?.[0];
    if (!first) return undefined;
    if (attr.type === 'select') return attr.options.find((o) => o.id === first.fields.option)?.title;
    if (attr.type === 'status') return attr.statuses.find((o) => o.id === first.fields.status)?.title;
    const raw = first.fields[DEFAULT_FIELD[attr.type]];
    return isScalar(raw) ? raw : undefined;
  };
  return (a, b) => {
    for (const { attr, sign } of keys) {
      const x = sortValue(attr, a);
      const y = sortValue(attr, b);
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return (x < y ? -1 : 1) * sign;
    }
    return 0;
  };
}
