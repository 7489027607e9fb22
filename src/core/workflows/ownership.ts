/**
 * Rep edits win (docs/ownership.md). Attio is where the sales team works: a value a workspace member wrote
 * last is theirs, and the sync leaves it alone unless the configuration says the attribute is the product's.
 * Every value Attio returns carries `created_by_actor`, so the records the workflows read anyway tell who
 * wrote each value: ownership costs no extra read.
 */
import type { AttioRecord, AttioValue } from '../attio/schemas.js';
import type { PlgConfig } from '../config/index.js';

export type AttributeOwner = PlgConfig['ownership'][string];

/** The configured owner of `<object>.<attribute>`; an attribute the configuration does not name is the reps'. */
export function ownerOf(config: Pick<PlgConfig, 'ownership'>, object: string, attribute: string): AttributeOwner {
  return config.ownership[`${object}.${attribute}`] ?? 'reps';
}

const isActive = (value: AttioValue) => value.active_until === undefined || value.active_until === null;

/** The active value written last (the latest `active_from`), or undefined when the attribute is empty. */
function latestValue(record: AttioRecord, attribute: string): AttioValue | undefined {
  let latest: AttioValue | undefined;
  for (const value of (record.values[attribute] ?? []).filter(isActive)) {
    if (latest === undefined || String(value.active_from ?? '') > String(latest.active_from ?? '')) latest = value;
  }
  return latest;
}

/** Whether a workspace member wrote the attribute's latest value (rather than an API token or Attio itself). */
export function lastSetByMember(record: AttioRecord, attribute: string): boolean {
  const actor = latestValue(record, attribute)?.created_by_actor as { type?: unknown } | null | undefined;
  return actor?.type === 'workspace-member';
}

/** Whether a workspace member wrote any value the record holds: someone in sales has worked on it. */
export function touchedByMember(record: AttioRecord): boolean {
  return Object.entries(record.values).some(
    ([attribute]) => attribute !== 'created_by' && attribute !== 'created_at' && lastSetByMember(record, attribute),
  );
}

/**
 * The attributes of `record` the sync must not overwrite: those a member wrote last that the configuration
 * does not give to the product.
 */
export function heldByReps(config: Pick<PlgConfig, 'ownership'>, object: string, record: AttioRecord): Set<string> {
  const held = new Set<string>();
  for (const attribute of Object.keys(record.values)) {
    if (ownerOf(config, object, attribute) === 'product') continue;
    if (lastSetByMember(record, attribute)) held.add(attribute);
  }
  return held;
}

/** `values` without the attributes reps hold. */
export function withoutHeld<V>(values: Record<string, V>, held: ReadonlySet<string>): Record<string, V> {
  if (held.size === 0) return values;
  return Object.fromEntries(Object.entries(values).filter(([attribute]) => !held.has(attribute)));
}
