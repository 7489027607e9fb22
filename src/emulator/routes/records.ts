/** Records: create, assert, get, update (PATCH appends, PUT overwrites) and query. */
import { validationType } from '../errors.js';
import { FilterCompiler, compileSorts } from '../filters.js';
import type { RecordRow } from '../model.js';
import { assertRecord, bodyData, deleteRecord, renderRecord, requireValuesObject, writeRecord } from '../records.js';
import { deleted, ok, pagination, page, type HandlerContext, type Route } from '../router.js';
import { candidateRecords } from '../query-plan.js';
import { findObject, requireRecord } from '../store.js';

const objectOf = ({ ws, params }: HandlerContext) => findObject(ws, params.object ?? '');
const valuesOf = (body: unknown) => requireValuesObject(bodyData(body).values, 'values');

function queryRecords(ctx: HandlerContext): RecordRow[] {
  const object = objectOf(ctx);
  const body = ctx.body ?? {};
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw validationType('Body must be a JSON object.');
  const query = body as Record<string, unknown>;
  const predicate = new FilterCompiler(ctx.ws, object, ['record_id']).compile(query.filter);
  const order = compileSorts(object, query.sorts);
  const subject = (r: RecordRow) => ({ values: r.values, builtins: { record_id: r.id } });
  const matched = candidateRecords(ctx.ws, object, query.filter)
    .filter((r) => predicate(subject(r)))
    .sort((a, b) => order(subject(a), subject(b)));
  return page(matched, pagination(query, { limit: 500 }));
}

export const recordRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v2/objects/:object/records/query',
    handler: (ctx) => {
      const object = objectOf(ctx);
      return ok(queryRecords(ctx).map((r) => renderRecord(ctx.ws, object, r)));
    },
  },
  {
    method: 'POST',
    path: '/v2/objects/:object/records',
    handler: (ctx) => {
      const object = objectOf(ctx);
      const row = writeRecord(ctx.write, object, undefined, valuesOf(ctx.body), 'create');
      return ok(renderRecord(ctx.ws, object, row));
    },
  },
  {
    method: 'PUT',
    path: '/v2/objects/:object/records',
    handler: (ctx) => {
      const object = objectOf(ctx);
      const row = assertRecord(ctx.write, object, ctx.query.matching_attribute, valuesOf(ctx.body));
      return ok(renderRecord(ctx.ws, object, row));
    },
  },
  {
    method: 'GET',
    path: '/v2/objects/:object/records/:record_id',
    handler: (ctx) => {
      const object = objectOf(ctx);
      return ok(renderRecord(ctx.ws, object, requireRecord(ctx.ws, object, ctx.params.record_id ?? '')));
    },
  },
  {
    method: 'PATCH',
    path: '/v2/objects/:object/records/:record_id',
    handler: (ctx) => {
      const object = objectOf(ctx);
      const row = requireRecord(ctx.ws, object, ctx.params.record_id ?? '');
      return ok(renderRecord(ctx.ws, object, writeRecord(ctx.write, object, row, valuesOf(ctx.body), 'append')));
    },
  },
  {
    method: 'PUT',
    path: '/v2/objects/:object/records/:record_id',
    handler: (ctx) => {
      const object = objectOf(ctx);
      const row = requireRecord(ctx.ws, object, ctx.params.record_id ?? '');
      return ok(renderRecord(ctx.ws, object, writeRecord(ctx.write, object, row, valuesOf(ctx.body), 'overwrite')));
    },
  },
  {
    method: 'DELETE',
    path: '/v2/objects/:object/records/:record_id',
    handler: (ctx) => {
      const object = objectOf(ctx);
      deleteRecord(ctx.write, object, requireRecord(ctx.ws, object, ctx.params.record_id ?? ''));
      return deleted();
    },
  },
];
