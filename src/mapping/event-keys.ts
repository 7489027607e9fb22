/**
 * Keys read off a raw Segment-spec event before it is validated: its messageId (the delivery's idempotency
 * key) and who it is about (for ordering one person's events). Both tolerate any JSON value.
 */

function field(raw: unknown, name: string): unknown {
  return raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>)[name] : undefined;
}

export function messageIdOf(raw: unknown): string | undefined {
  const id = field(raw, 'messageId');
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** Who an event is about, for ordering: the user id, else an email, else the group. */
export function laneKey(raw: unknown): string | undefined {
  for (const candidate of [
    field(raw, 'userId'),
    field(field(raw, 'traits'), 'email'),
    field(field(field(raw, 'context'), 'traits'), 'email'),
    field(field(raw, 'properties'), 'email'),
    field(raw, 'groupId'),
  ]) {
    if (typeof candidate === 'string' && candidate !== '') return candidate.toLowerCase();
    if (typeof candidate === 'number') return String(candidate);
  }
  return undefined;
}
