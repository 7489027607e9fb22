/**
 * Convergence for what Attio cannot assert (notes, tasks, deals without a unique key). Attio has no
 * idempotency keys and no conditional writes, so two processes delivering the same event can both look,
 * both find nothing and both create. Each created object carries a stable key; after creating, a process
 * lists the candidates with that key and keeps one deterministic winner — the earliest `created_at`, then
 * the smallest id — deleting the others. Every process applies the same rule, and a process that finds
 * duplicates while looking before it creates removes them too, so any interleaving ends with exactly one:
 * the global winner is never deleted (it wins every set it is in) and every other candidate is deleted by
 * whoever lists after it and the winner both exist. Only objects carrying our key that no workspace member
 * made are ever deleted.
 *
 * A process can fail between its create and the delete of a loser, and its next run may no longer need that
 * object (the person's qualification was meanwhile marked by another process). So every fresh listing of a
 * record's notes or tasks reconciles all the keys it shows (`withoutDuplicates`), not only the one a step
 * asked for: the next event of that person or account that lists them removes what was left.
 */

export interface Candidate {
  id: string;
  createdAt: string;
}

/** Earliest `created_at` first (as instants, then as Attio's nanosecond strings), then the smallest id. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  const at = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (at !== 0 && !Number.isNaN(at)) return at;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function winnerOf<T extends Candidate>(candidates: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const candidate of candidates)
    if (best === undefined || compareCandidates(candidate, best) < 0) best = candidate;
  return best;
}

export interface ConvergeSteps<T extends Candidate> {
  /** The candidates carrying the key, as Attio holds them now (`fresh`: bypass any cache). */
  list(fresh: boolean): Promise<T[]>;
  create(): Promise<T>;
  /** Deletes a losing candidate; resolves false when it was already gone. */
  remove(candidate: T): Promise<boolean>;
}

export interface Converged<T> {
  winner: T;
  /** This call created the winner (false when it found one, or when another process's copy won). */
  created: boolean;
  removed: T[];
}

/** Finds the keyed object, or creates it; either way leaves exactly one candidate and returns it. */
export async function ensureOne<T extends Candidate>(steps: ConvergeSteps<T>): Promise<Converged<T>> {
  const existing = await steps.list(false);
  if (existing.length > 0) return { ...(await keepWinner(existing, steps)), created: false };
  const mine = await steps.create();
  const listed = await steps.list(true);
  // Attio lists what it created; should a list ever lag behind, the new object still competes.
  const candidates = listed.some((c) => c.id === mine.id) ? listed : [...listed, mine];
  const kept = await keepWinner(candidates, steps);
  return { ...kept, created: kept.winner.id === mine.id };
}

async function keepWinner<T extends Candidate>(
  candidates: readonly T[],
  steps: ConvergeSteps<T>,
): Promise<{ winner: T; removed: T[] }> {
  const winner = winnerOf(candidates) as T;
  const removed: T[] = [];
  for (const candidate of candidates) {
    if (candidate.id === winner.id) continue;
    await steps.remove(candidate);
    removed.push(candidate);
  }
  return { winner, removed };
}

/**
 * Deletes, in `items` as freshly listed, every keyed duplicate down to its key's winner, and returns the
 * items that remain. `keyOf` is undefined for an item that is not ours (no key, or made by a person).
 */
export async function withoutDuplicates<I>(
  items: readonly I[],
  keyOf: (item: I) => string | undefined,
  candidateOf: (item: I) => Candidate,
  remove: (item: I) => Promise<unknown>,
): Promise<I[]> {
  const byKey = new Map<string, { item: I; candidate: Candidate }[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const group = byKey.get(key) ?? [];
    group.push({ item, candidate: candidateOf(item) });
    byKey.set(key, group);
  }
  const removed = new Set<I>();
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    const winner = winnerOf(group.map((g) => g.candidate));
    for (const { item, candidate } of group) {
      if (candidate === winner) continue;
      await remove(item);
      removed.add(item);
    }
  }
  return removed.size === 0 ? [...items] : items.filter((item) => !removed.has(item));
}
