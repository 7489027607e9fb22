/**
 * The access-token scopes the connector needs (Attio names them `<area>:read` or `<area>:read-write`; a
 * read-write grant includes read). Checked only when Attio reports the token's scope.
 */
import type { AttioSelf } from '../attio/schemas.js';

/** What the workflows use: records, lists and their entries, notes, tasks and the member list. */
export const WORKFLOW_SCOPES = [
  'record_permission:read-write',
  'object_configuration:read',
  'list_configuration:read',
  'list_entry:read-write',
  'note:read-write',
  'task:read-write',
  'user_management:read',
] as const;

/** What `setup --apply` also needs to create attributes, options, stages and lists. */
export const SETUP_SCOPES = ['object_configuration:read-write', 'list_configuration:read-write'] as const;

/** What `setup --webhook-url` also needs to list, create and update the webhook. */
export const WEBHOOK_SCOPES = ['webhook:read-write'] as const;

/** The scopes of `needed` the token lacks; none when Attio does not report the token's scope. */
export function missingScopes(self: AttioSelf, needed: readonly string[]): string[] {
  if (typeof self.scope !== 'string') return [];
  const granted = new Set(self.scope.split(/\s+/).filter((s) => s !== ''));
  return needed.filter((scope) => {
    if (granted.has(scope)) return false;
    const [area, level] = scope.split(':');
    return !(level === 'read' && granted.has(`${area}:read-write`));
  });
}
