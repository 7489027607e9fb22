import { CONFIG_DEFAULTS } from './defaults.js';

/**
 * Attribute ownership (docs/ownership.md) as a platform's settings form holds it: two lists of
 * `<object>.<attribute slug>`, the attributes the product owns and those whose rep edits win, each laid over
 * the defaults. Both adapters map their fields onto this; parseConfig then judges the names.
 */
export interface OwnershipLists {
  product?: readonly string[];
  reps?: readonly string[];
}

/** The `ownership` setting for two lists; undefined when both are empty (the defaults). */
export function ownershipFromLists(lists: OwnershipLists): Record<string, 'product' | 'reps'> | undefined {
  const entries = [
    ...(lists.product ?? []).map((attribute) => [attribute, 'product'] as const),
    ...(lists.reps ?? []).map((attribute) => [attribute, 'reps'] as const),
  ];
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** What of `ownership` differs from the defaults, as two lists: the inverse of ownershipFromLists. */
export function ownershipLists(ownership: Readonly<Record<string, 'product' | 'reps'>>): Required<OwnershipLists> {
  const defaults: Readonly<Record<string, string>> = CONFIG_DEFAULTS.ownership;
  const changed = Object.entries(ownership).filter(([attribute, owner]) => (defaults[attribute] ?? 'reps') !== owner);
  return {
    product: changed.filter(([, owner]) => owner === 'product').map(([attribute]) => attribute),
    reps: changed.filter(([, owner]) => owner === 'reps').map(([attribute]) => attribute),
  };
}
