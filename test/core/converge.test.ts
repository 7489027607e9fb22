import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareCandidates,
  ensureOne,
  winnerOf,
  withoutDuplicates,
  type Candidate,
} from '../../src/core/workflows/converge.js';

/**
 * The reconcile rule under every interleaving fast-check's scheduler finds: two or three processes run
 * ensureOne against one store at the same time, each step (list, create, delete) an atomic store operation
 * in an order the scheduler picks.
 */
async function race(s: fc.Scheduler, creators: number, createdAt: (tick: number) => string, ids: readonly string[]) {
  const store = new Map<string, Candidate>();
  const created: Candidate[] = [];
  let tick = 0;
  const process = (p: number) =>
    ensureOne({
      list: s.scheduleFunction(async function list() {
        return [...store.values()];
      }),
      create: s.scheduleFunction(async function create() {
        const candidate = { id: ids[p] as string, createdAt: createdAt(++tick) };
        store.set(candidate.id, candidate);
        created.push(candidate);
        return candidate;
      }),
      remove: s.scheduleFunction(async function remove(candidate: Candidate) {
        return store.delete(candidate.id);
      }),
    });
  const runs = Array.from({ length: creators }, (_, p) => process(p));
  await s.waitAll();
  return { store, created, winners: (await Promise.all(runs)).map((r) => r.winner.id) };
}

const distinctIds = fc.uniqueArray(fc.uuid(), { minLength: 3, maxLength: 3 });

describe('converging duplicates of what Attio cannot assert', () => {
  it('orders candidates by created_at, then by id', () => {
    const a = { id: 'b', createdAt: '2024-11-01T10:00:00.000000000Z' };
    const b = { id: 'a', createdAt: '2024-11-01T10:00:00.000000001Z' };
    const c = { id: 'a', createdAt: '2024-11-01T10:00:00.000000000Z' };
    expect(winnerOf([a, b, c])).toBe(c);
    expect([a, b, c].sort(compareCandidates)).toEqual([c, a, b]);
  });

  it('leaves exactly one survivor, the one every process returns, when Attio stamps creations in order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 3 }), distinctIds, async (s, creators, ids) => {
        const { store, created, winners } = await race(
          s,
          creators,
          (tick) => new Date(Date.UTC(2024, 10, 1, 10, 0, tick)).toISOString(),
          ids,
        );
        expect(store.size).toBe(1);
        const [survivor] = [...store.values()];
        expect(survivor).toEqual(winnerOf(created));
        expect(new Set(winners)).toEqual(new Set([survivor?.id]));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves exactly one survivor, the smallest id, when the copies share one created_at (notes backdated to their event)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 3 }), distinctIds, async (s, creators, ids) => {
        const { store, created } = await race(s, creators, () => '2024-11-01T10:00:00.000Z', ids);
        expect([...store.values()]).toEqual([winnerOf(created)]);
        expect(store.values().next().value?.id).toBe([...created.map((c) => c.id)].sort()[0]);
      }),
      { numRuns: 300 },
    );
  });

  it('creates nothing when the object exists, and deletes the duplicates it finds', async () => {
    const store = new Map<string, Candidate>([
      ['n2', { id: 'n2', createdAt: '2024-11-02T00:00:00Z' }],
      ['n1', { id: 'n1', createdAt: '2024-11-01T00:00:00Z' }],
    ]);
    const result = await ensureOne({
      list: async () => [...store.values()],
      create: async () => {
        throw new Error('must not create');
      },
      remove: async (c) => store.delete(c.id),
    });
    expect(result).toMatchObject({ winner: { id: 'n1' }, created: false, removed: [{ id: 'n2' }] });
    expect([...store.keys()]).toEqual(['n1']);
  });

  it('a fresh listing keeps each key’s winner, and everything without a key', async () => {
    const at = (s: number) => `2024-11-01T10:00:0${s}.000000000Z`;
    const items = [
      { id: 'n1', createdAt: at(2), key: 'pql' },
      { id: 'n2', createdAt: at(1), key: 'pql' },
      { id: 'n3', createdAt: at(1), key: undefined },
      { id: 'n4', createdAt: at(1), key: undefined },
      { id: 'n5', createdAt: at(3), key: 'milestone:a' },
      { id: 'n6', createdAt: at(3), key: 'pql' },
    ];
    const removed: string[] = [];
    const kept = await withoutDuplicates(
      items,
      (i) => i.key,
      (i) => i,
      async (i) => removed.push(i.id),
    );
    expect(removed).toEqual(['n1', 'n6']);
    expect(kept.map((i) => i.id)).toEqual(['n2', 'n3', 'n4', 'n5']);
  });
});
