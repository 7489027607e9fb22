/**
 * Where to click in Attio for what the API cannot do (or what setup leaves to the user): one place for
 * the directions, so the plan, the check and every adapter give the same ones.
 */
const NOUNS: Record<string, string> = {
  people: 'People',
  companies: 'Companies',
  deals: 'Deals',
  users: 'Users',
  workspaces: 'Workspaces',
};

const nounOf = (object: string): string => NOUNS[object] ?? object;

export const inAttio = {
  enableObject: (object: string) => `in Attio, open Workspace settings → Objects and enable ${nounOf(object)}`,
  objectAttributes: (object: string) => `Workspace settings → Objects → ${nounOf(object)} → Attributes`,
  listAttributes: (list: string) => `the list "${list}" → Settings → Attributes`,
  dealStages: 'Workspace settings → Objects → Deals → Attributes → Stage',
  lists: 'Lists in the sidebar → + New list',
  members: 'Workspace settings → Members → Invite',
  accessTokens: 'Workspace settings → Developers → your integration → Access token',
} as const;

export const SETUP_COMMAND = 'attio-plg setup --apply';
