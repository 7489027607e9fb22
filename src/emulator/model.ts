/** The in-memory shape of one Attio workspace. Ids are UUIDs, as in Attio. */
import type { WorkspaceIndexes } from './indexes.js';
import type { Subscription } from './webhooks/subscriptions.js';

export type AttributeType =
  | 'text'
  | 'number'
  | 'checkbox'
  | 'date'
  | 'timestamp'
  | 'select'
  | 'status'
  | 'email-address'
  | 'domain'
  | 'personal-name'
  | 'currency'
  | 'record-reference'
  | 'actor-reference'
  | 'rating'
  | 'location'
  | 'phone-number';

export interface SelectOption {
  id: string;
  title: string;
  isArchived: boolean;
}

export interface StatusOption extends SelectOption {
  celebrationEnabled: boolean;
  /** ISO 8601 duration, e.g. `P14D`, or null. */
  targetTimeInStatus: string | null;
}

export interface AttributeDef {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  type: AttributeType;
  isMultiselect: boolean;
  isUnique: boolean;
  isRequired: boolean;
  /** System attributes (created_at, created_by) are computed, never written through the API. */
  isSystem: boolean;
  options: SelectOption[];
  statuses: StatusOption[];
  currencyCode: string | null;
  /** How the UI shows the currency: `code`, `name`, `narrowSymbol` or `symbol`. */
  currencyDisplay: string | null;
  /** record-reference: slugs of the objects it may point to. */
  allowedObjects: string[];
  /** record-reference kept in step with an attribute on the other object (two-way relationship). */
  inverse: { object: string; attribute: string } | null;
  /** Attio's `default_value` as given at creation (stored and shown; the emulator does not apply it). */
  defaultValue: unknown;
  createdAt: string;
}

export interface ObjectDef {
  kind: 'object';
  id: string;
  slug: string;
  singularNoun: string;
  pluralNoun: string;
  createdAt: string;
  attributes: AttributeDef[];
}

export interface ListDef {
  kind: 'list';
  id: string;
  slug: string;
  name: string;
  parentObject: string;
  workspaceAccess: ListAccess | null;
  workspaceMemberAccess: { workspace_member_id: string; level: ListAccess }[];
  createdBy: Actor;
  createdAt: string;
  attributes: AttributeDef[];
}

export type ListAccess = 'full-access' | 'read-and-write' | 'read-only';

/** Anything that owns attributes: an object (record values) or a list (entry values). */
export type AttributeParent = ObjectDef | ListDef;

export interface Actor {
  type: 'api-token' | 'workspace-member' | 'system' | 'app';
  id: string | null;
}

/** One stored value: its type-specific fields (as Attio renders them, select/status by id) plus history. */
export interface StoredValue {
  activeFrom: string;
  /** Set on a value that was replaced or removed (kept in a row's `history`). */
  activeUntil?: string;
  createdBy: Actor;
  fields: Record<string, unknown>;
}

export type ValueMap = Record<string, StoredValue[]>;

export interface RecordRow {
  id: string;
  object: string;
  createdAt: string;
  values: ValueMap;
  /** Values of status attributes that are no longer active, oldest first (see ./records.ts changeValues). */
  history?: ValueMap;
}

export interface EntryRow {
  id: string;
  list: string;
  parentObject: string;
  parentRecordId: string;
  createdAt: string;
  values: ValueMap;
  history?: ValueMap;
}

export interface Member {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  accessLevel: 'admin' | 'member';
  createdAt: string;
}

export interface NoteRow {
  id: string;
  parentObject: string;
  parentRecordId: string;
  title: string;
  contentPlaintext: string;
  contentMarkdown: string;
  createdBy: Actor;
  createdAt: string;
}

export interface TaskRow {
  id: string;
  contentPlaintext: string;
  deadlineAt: string | null;
  isCompleted: boolean;
  linkedRecords: { object: string; recordId: string }[];
  assigneeIds: string[];
  createdBy: Actor;
  createdAt: string;
}

export interface WebhookRow {
  id: string;
  targetUrl: string;
  subscriptions: Subscription[];
  /** Active and degraded webhooks receive events; degraded after a message exhausted its retries. */
  status: 'active' | 'degraded' | 'inactive';
  /** Hex, as Attio's; returned once, by the create. */
  secret: string;
  createdAt: string;
}

export interface Workspace {
  id: string;
  name: string;
  slug: string;
  tokenId: string;
  selfMemberId: string;
  createdAt: string;
  members: Member[];
  objects: ObjectDef[];
  lists: ListDef[];
  records: Map<string, RecordRow>;
  entries: Map<string, EntryRow>;
  notes: Map<string, NoteRow>;
  tasks: Map<string, TaskRow>;
  webhooks: Map<string, WebhookRow>;
  /** Kept in step by the write functions of indexes.ts; never changed directly. */
  indexes: WorkspaceIndexes;
}
