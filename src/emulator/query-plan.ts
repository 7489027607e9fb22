/**
 * Chooses the rows a query filter needs to look at. An equality on an indexed attribute (a unique value such
 * as `{"domains":"acme.com"}`, or a referenced record such as `{"company":{"target_object":..,
 * "target_record_id":..}}`) or on a record or parent id, anywhere in the filter's top-level conjunction,
 * narrows the rows to the index's hits; the compiled predicate still decides every row, so the answer is
 * what a scan gives. Anything else scans.
 */
import { isIndexed } from './indexes.js';
import type { AttributeDef, AttributeType, EntryRow, ListDef, ObjectDef, RecordRow, Workspace } from './model.js';
import { entriesOf, entriesOfRecord, findAttribute, recordsOf, rowsWithValue } from './store.js';

type Scalar = string | number | boolean;
type Plan = { attr: AttributeDef; keys: string[] } | { builtin: string; ids: string[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The field an index key is made of, and how a filter operand becomes that key (matching filters.ts's equality). */
const INDEXED_FIELD: Partial<Record<AttributeType, { field: string; key: (operand: Scalar) => string | undefined }>> = {
  'email-address': { field: 'email_address', key: (o) => (typeof o === 'string' ? o.toLowerCase() : undefined) },
  domain: { field: 'domain', key: (o) => (typeof o === 'string' ? o.toLowerCase() : undefined) },
  text: { field: 'value', key: (o) => (typeof o === 'string' ? JSON.stringify(o) : undefined) },
  number: { field: 'value', key: (o) => (typeof o === 'number' ? JSON.stringify(o) : undefined) },
  'record-reference': { field: 'target_record_id', key: (o) => (typeof o === 'string' ? o : undefined) },
};

/** The operands of a pure equality (`x`, `{$eq: x}`, `{$in: [...]}`), else undefined. */
function equalityOperands(cond: unknown): Scalar[] | undefined {
  if (isScalar(cond)) return [cond];
  if (!isObject(cond) || Object.keys(cond).length !== 1) return undefined;
  if (isScalar(cond.$eq)) return [cond.$eq];
  if (Array.isArray(cond.$in) && cond.$in.every(isScalar)) return cond.$in;
  return undefined;
}

function planAttribute(attr: AttributeDef, cond: unknown): Plan | undefined {
  const indexed = INDEXED_FIELD[attr.type];
  if (!indexed || !isIndexed(attr)) return undefined;
  const byField = isObject(cond) && !Object.keys(cond).every((k) => k.startsWith('$'));
  const operands = equalityOperands(byField ? (cond as Record<string, unknown>)[indexed.field] : cond);
  if (!operands) return undefined;
  // Operands of the wrong kind can match nothing, in the index as in the predicate.
  return { attr, keys: operands.map(indexed.key).filter((k): k is string => k !== undefined) };
}

function planNode(owner: ObjectDef | ListDef, node: unknown, builtins: readonly string[]): Plan | undefined {
  if (!isObject(node)) return undefined;
  for (const [key, cond] of Object.entries(node)) {
    if (key === '$and' && Array.isArray(cond)) {
      for (const part of cond) {
        const plan = planNode(owner, part, builtins);
        if (plan) return plan;
      }
    } else if (builtins.includes(key)) {
      const operands = equalityOperands(cond);
      if (operands) return { builtin: key, ids: operands.filter((o): o is string => typeof o === 'string') };
    } else if (!key.startsWith('$')) {
      const attr = findAttribute(owner, key);
      const plan = attr ? planAttribute(attr, cond) : undefined;
      if (plan) return plan;
    }
  }
  return undefined;
}

/** The records of `object` that `filter` can match, in creation order. */
export function candidateRecords(ws: Workspace, object: ObjectDef, filter: unknown): RecordRow[] {
  const plan = planNode(object, filter, ['record_id']);
  if (!plan) return recordsOf(ws, object);
  if ('attr' in plan) return rowsWithValue(ws, object, plan.attr, plan.keys);
  const rows = plan.ids.map((id) => ws.records.get(id)).filter((r): r is RecordRow => r?.object === object.slug);
  return ws.indexes.inCreationOrder(new Set(rows));
}

/** The entries of `list` that `filter` can match, in creation order. */
export function candidateEntries(ws: Workspace, list: ListDef, filter: unknown): EntryRow[] {
  const plan = planNode(list, filter, ['entry_id', 'parent_record_id', 'record_id']);
  if (!plan) return entriesOf(ws, list);
  if ('attr' in plan) return rowsWithValue(ws, list, plan.attr, plan.keys);
  const rows =
    plan.builtin === 'entry_id'
      ? plan.ids.map((id) => ws.entries.get(id)).filter((e): e is EntryRow => e !== undefined)
      : [...new Set(plan.ids)].flatMap((id) => entriesOfRecord(ws, id));
  return ws.indexes.inCreationOrder(new Set(rows.filter((e) => e.list === list.slug)));
}
