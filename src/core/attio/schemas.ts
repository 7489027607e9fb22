/**
 * Zod schemas for the parts of Attio's responses the connector reads. Responses are parsed once, at the
 * client boundary; fields the connector does not use are dropped, so Attio adding fields breaks nothing.
 */
import { z } from 'zod';

const nullableString = z.string().nullable().optional();

/** One stored value of an attribute, as Attio returns it: common metadata plus type-specific fields. */
export const attioValueSchema = z.record(z.string(), z.unknown());
export type AttioValue = z.infer<typeof attioValueSchema>;

export const recordSchema = z.object({
  id: z.object({ workspace_id: z.string(), object_id: z.string(), record_id: z.string() }),
  created_at: z.string(),
  web_url: z.string().optional(),
  values: z.record(z.string(), z.array(attioValueSchema)),
});
export type AttioRecord = z.infer<typeof recordSchema>;

export const selfSchema = z.object({
  active: z.boolean(),
  workspace_id: z.string().optional(),
  workspace_name: z.string().optional(),
  workspace_slug: z.string().optional(),
  authorized_by_workspace_member_id: z.string().nullable().optional(),
  scope: z.string().optional(),
});
export type AttioSelf = z.infer<typeof selfSchema>;

export const objectSchema = z.object({
  id: z.object({ workspace_id: z.string(), object_id: z.string() }),
  api_slug: nullableString,
  singular_noun: nullableString,
  plural_noun: nullableString,
});
export type AttioObject = z.infer<typeof objectSchema>;

export const attributeSchema = z.object({
  id: z.object({ attribute_id: z.string() }).loose(),
  title: z.string(),
  api_slug: z.string(),
  type: z.string(),
  is_system_attribute: z.boolean().optional(),
  is_writable: z.boolean(),
  is_required: z.boolean(),
  is_unique: z.boolean(),
  is_multiselect: z.boolean(),
  is_archived: z.boolean(),
  relationship: z.unknown().optional(),
  config: z.unknown().optional(),
});
export type AttioAttribute = z.infer<typeof attributeSchema>;

export const selectOptionSchema = z.object({
  id: z.object({ option_id: z.string() }).loose(),
  title: z.string(),
  is_archived: z.boolean(),
});
export type AttioSelectOption = z.infer<typeof selectOptionSchema>;

export const statusSchema = z.object({
  id: z.object({ status_id: z.string() }).loose(),
  title: z.string(),
  is_archived: z.boolean(),
});
export type AttioStatus = z.infer<typeof statusSchema>;

export const listSchema = z.object({
  id: z.object({ workspace_id: z.string(), list_id: z.string() }),
  api_slug: z.string(),
  name: z.string(),
  parent_object: z.array(z.string()),
});
export type AttioList = z.infer<typeof listSchema>;

export const workspaceMemberSchema = z.object({
  id: z.object({ workspace_id: z.string(), workspace_member_id: z.string() }),
  first_name: z.string(),
  last_name: z.string(),
  email_address: z.string(),
  access_level: z.string(),
});
export type AttioWorkspaceMember = z.infer<typeof workspaceMemberSchema>;

export const entrySchema = z.object({
  id: z.object({ workspace_id: z.string(), list_id: z.string(), entry_id: z.string() }),
  parent_record_id: z.string(),
  parent_object: z.string(),
  created_at: z.string(),
  entry_values: z.record(z.string(), z.array(attioValueSchema)).optional(),
});
export type AttioEntry = z.infer<typeof entrySchema>;

/** Who created a note or task: a workspace member, an API token, an app or the system. */
export const actorSchema = z
  .object({ id: z.string().nullable().optional(), type: z.string().nullable().optional() })
  .loose();
export type AttioActor = z.infer<typeof actorSchema>;

/** One list entry of a record, as `GET /v2/objects/{object}/records/{record_id}/entries` lists it. */
export const recordEntrySchema = z.object({
  list_id: z.string(),
  list_api_slug: z.string(),
  entry_id: z.string(),
  created_at: z.string(),
});
export type AttioRecordEntry = z.infer<typeof recordEntrySchema>;

export const noteSchema = z.object({
  id: z.object({ workspace_id: z.string(), note_id: z.string() }),
  parent_object: z.string(),
  parent_record_id: z.string(),
  title: z.string(),
  content_plaintext: z.string(),
  created_by_actor: actorSchema.optional(),
  created_at: z.string(),
});
export type AttioNote = z.infer<typeof noteSchema>;

export const taskSchema = z.object({
  id: z.object({ workspace_id: z.string(), task_id: z.string() }),
  content_plaintext: z.string(),
  deadline_at: z.string().nullable(),
  is_completed: z.boolean(),
  linked_records: z.array(z.object({ target_object_id: z.string(), target_record_id: z.string() }).loose()),
  assignees: z.array(
    z.object({ referenced_actor_type: z.string(), referenced_actor_id: z.string().nullable() }).loose(),
  ),
  created_by_actor: actorSchema.optional(),
  created_at: z.string(),
});
export type AttioTask = z.infer<typeof taskSchema>;

/** `{"data": T}`, the envelope of every response but GET /v2/self. */
export function dataOf<T extends z.ZodType>(schema: T) {
  return z.object({ data: schema });
}
