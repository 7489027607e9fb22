/** Workspace metadata: self, objects, attributes with their options and statuses, lists, members. */
import { validationType } from '../errors.js';
import { renderAttribute, renderList, renderMember, renderObject, renderOption, renderStatus } from '../render.js';
import { ok, pagination, page, type Route } from '../router.js';
import { findList, findObject, findParent, requireAttribute, requireMember } from '../store.js';

export const metaRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v2/self',
    handler: ({ ws }) => ({
      status: 200,
      body: {
        active: true,
        scope:
          'record_permission:read-write object_configuration:read list_entry:read-write list_configuration:read note:read-write task:read-write user_management:read webhook:read-write',
        client_id: ws.tokenId,
        token_type: 'Bearer',
        exp: null,
        iat: Math.floor(Date.parse(ws.createdAt) / 1000),
        sub: ws.tokenId,
        aud: ws.tokenId,
        iss: 'attio.com',
        authorized_by_workspace_member_id: ws.selfMemberId,
        workspace_id: ws.id,
        workspace_name: ws.name,
        workspace_slug: ws.slug,
        workspace_logo_url: null,
      },
    }),
  },
  { method: 'GET', path: '/v2/objects', handler: ({ ws }) => ok(ws.objects.map((o) => renderObject(ws, o))) },
  {
    method: 'GET',
    path: '/v2/objects/:object',
    handler: ({ ws, params }) => ok(renderObject(ws, findObject(ws, params.object ?? ''))),
  },
  {
    method: 'GET',
    path: '/v2/:target/:identifier/attributes',
    handler: ({ ws, params, query }) => {
      const parent = findParent(ws, params.target ?? '', params.identifier ?? '');
      const rendered = parent.attributes.map((a) => renderAttribute(ws, parent, a));
      return ok(page(rendered, pagination(query, { limit: rendered.length })));
    },
  },
  {
    method: 'GET',
    path: '/v2/:target/:identifier/attributes/:attribute',
    handler: ({ ws, params }) => {
      const parent = findParent(ws, params.target ?? '', params.identifier ?? '');
      return ok(renderAttribute(ws, parent, requireAttribute(parent, params.attribute ?? '')));
    },
  },
  {
    method: 'GET',
    path: '/v2/:target/:identifier/attributes/:attribute/options',
    handler: ({ ws, params, query }) => {
      const parent = findParent(ws, params.target ?? '', params.identifier ?? '');
      const attr = requireAttribute(parent, params.attribute ?? '');
      if (attr.type !== 'select') throw validationType('This attribute is not a select attribute.');
      const showArchived = query.show_archived === 'true';
      return ok(
        attr.options.filter((o) => showArchived || !o.isArchived).map((o) => renderOption(ws, parent, attr, o)),
      );
    },
  },
  {
    method: 'GET',
    path: '/v2/:target/:identifier/attributes/:attribute/statuses',
    handler: ({ ws, params, query }) => {
      const parent = findParent(ws, params.target ?? '', params.identifier ?? '');
      const attr = requireAttribute(parent, params.attribute ?? '');
      if (attr.type !== 'status') throw validationType('This attribute is not a status attribute.');
      const showArchived = query.show_archived === 'true';
      return ok(
        attr.statuses.filter((s) => showArchived || !s.isArchived).map((s) => renderStatus(ws, parent, attr, s)),
      );
    },
  },
  { method: 'GET', path: '/v2/lists', handler: ({ ws }) => ok(ws.lists.map((l) => renderList(ws, l))) },
  {
    method: 'GET',
    path: '/v2/lists/:list',
    handler: ({ ws, params }) => ok(renderList(ws, findList(ws, params.list ?? ''))),
  },
  { method: 'GET', path: '/v2/workspace_members', handler: ({ ws }) => ok(ws.members.map((m) => renderMember(ws, m))) },
  {
    method: 'GET',
    path: '/v2/workspace_members/:member',
    handler: ({ ws, params }) => ok(renderMember(ws, requireMember(ws, params.member ?? ''))),
  },
];
