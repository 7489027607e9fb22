/**
 * The values of one attribute of a record or list entry, with `show_historic=true` the ended ones too,
 * oldest first (by `active_from`), each with its `active_until`. A webhook's `record.updated` says only which
 * attribute changed; this is how a reader learns what it was before. The emulator keeps the history of status
 * attributes (deal stages); for other attributes the historic answer is the active values.
 */
import { notFound, validationType } from '../errors.js';
import type { AttributeDef, AttributeParent, EntryRow, RecordRow, Workspace } from '../model.js';
import { ok, page, pagination, type HandlerContext, type Route } from '../router.js';
import { findList, findObject, requireAttribute, requireRecord } from '../store.js';
import { renderValue } from '../values.js';

function showHistoric(raw: string | undefined): boolean {
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  throw validationType(`"show_historic" must be true or false, received ${JSON.stringify(raw)}.`);
}

function attributeValues(
  ws: Workspace,
  owner: AttributeParent,
  row: RecordRow | EntryRow,
  attr: AttributeDef,
  { query }: HandlerContext,
) {
  const active = row.values[attr.slug] ?? [];
  const values = showHistoric(query.show_historic)
    ? [...(row.history?.[attr.slug] ?? []), ...active].sort((a, b) => a.activeFrom.localeCompare(b.activeFrom))
    : active;
  return ok(
    page(values, pagination(query, { limit: Math.max(values.length, 1) })).map((v) => renderValue(ws, owner, attr, v)),
  );
}

export const valueRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v2/objects/:object/records/:record_id/attributes/:attribute/values',
    handler: (ctx) => {
      const object = findObject(ctx.ws, ctx.params.object ?? '');
      const record = requireRecord(ctx.ws, object, ctx.params.record_id ?? '');
      return attributeValues(ctx.ws, object, record, requireAttribute(object, ctx.params.attribute ?? ''), ctx);
    },
  },
  {
    method: 'GET',
    path: '/v2/lists/:list/entries/:entry_id/attributes/:attribute/values',
    handler: (ctx) => {
      const list = findList(ctx.ws, ctx.params.list ?? '');
      const entry = ctx.ws.entries.get(ctx.params.entry_id ?? '');
      if (!entry || entry.list !== list.slug) throw notFound(`Entry with ID "${ctx.params.entry_id}" not found.`);
      return attributeValues(ctx.ws, list, entry, requireAttribute(list, ctx.params.attribute ?? ''), ctx);
    },
  },
];
