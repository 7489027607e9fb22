/**
 * The workspace-configuration endpoints `attio-plg setup` uses, as request data (like the record and entry
 * requests): create an attribute on an object or list, a select option, a status, a list. None is resent by
 * the transport: Attio answers a repeat with 409 slug_conflict, and setup reads the workspace before it writes.
 */
import { attributeSchema, dataOf, listSchema, selectOptionSchema, statusSchema } from './schemas.js';
import type { AttioRequest } from './transport.js';

/** A new attribute; Attio requires every field, `config` holding the type-specific settings (`{}` for most). */
export interface AttributeInput {
  title: string;
  apiSlug: string;
  type: string;
  description?: string | null;
  isRequired?: boolean;
  isUnique?: boolean;
  isMultiselect?: boolean;
  config?: Record<string, unknown>;
}

export interface StatusInput {
  title: string;
  celebrationEnabled?: boolean;
  /** ISO 8601 duration, e.g. `P14D`. */
  targetTimeInStatus?: string | null;
}

export type ListAccessLevel = 'full-access' | 'read-and-write' | 'read-only';

export interface ListInput {
  name: string;
  apiSlug: string;
  parentObject: string;
  /** Access for every member; `null` keeps the list private to `workspaceMemberAccess`. Default full access. */
  workspaceAccess?: ListAccessLevel | null;
  workspaceMemberAccess?: Array<{ workspace_member_id: string; level: ListAccessLevel }>;
}

const seg = encodeURIComponent;
const create = (path: string, data: Record<string, unknown>): AttioRequest => ({
  method: 'POST',
  path,
  body: { data },
  read: false,
  idempotent: false,
});

export const configurationRequests = {
  createAttribute: (target: string, identifier: string, attribute: AttributeInput): AttioRequest =>
    create(`/v2/${target}/${seg(identifier)}/attributes`, {
      title: attribute.title,
      description: attribute.description ?? null,
      api_slug: attribute.apiSlug,
      type: attribute.type,
      is_required: attribute.isRequired ?? false,
      is_unique: attribute.isUnique ?? false,
      is_multiselect: attribute.isMultiselect ?? false,
      config: attribute.config ?? {},
    }),
  createSelectOption: (target: string, identifier: string, attribute: string, title: string): AttioRequest =>
    create(`/v2/${target}/${seg(identifier)}/attributes/${seg(attribute)}/options`, { title }),
  createStatus: (target: string, identifier: string, attribute: string, status: StatusInput): AttioRequest =>
    create(`/v2/${target}/${seg(identifier)}/attributes/${seg(attribute)}/statuses`, {
      title: status.title,
      ...(status.celebrationEnabled === undefined ? {} : { celebration_enabled: status.celebrationEnabled }),
      ...(status.targetTimeInStatus === undefined ? {} : { target_time_in_status: status.targetTimeInStatus }),
    }),
  createList: (list: ListInput): AttioRequest =>
    create('/v2/lists', {
      name: list.name,
      api_slug: list.apiSlug,
      parent_object: list.parentObject,
      workspace_access: list.workspaceAccess === undefined ? 'full-access' : list.workspaceAccess,
      workspace_member_access: list.workspaceMemberAccess ?? [],
    }),
};

/** Their answers: the created thing, in the envelope every response but GET /v2/self has. */
export const CONFIGURATION_RESPONSES = {
  oneAttribute: dataOf(attributeSchema),
  oneSelectOption: dataOf(selectOptionSchema),
  oneStatus: dataOf(statusSchema),
  oneList: dataOf(listSchema),
};
