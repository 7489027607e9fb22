/**
 * Batch planning, pure and before any request: items are de-duplicated by messageId and split into lanes —
 * one person (or, for group calls without one, one account) each. A lane runs its items in input order (see
 * ./lane.ts: its person is read once and written once); lanes run in parallel.
 */
import type { WorkflowIntent } from '../workflows/index.js';

export interface BatchItem {
  intents: readonly WorkflowIntent[];
  messageId?: string;
}

export interface BatchPlan {
  /** Each lane's items (indexes into the batch), in input order. */
  lanes: number[][];
  /** For a repeated messageId: the index of the item whose result it shares. */
  duplicateOf: Map<number, number>;
}

/** Plans a batch. `laneOf` names who an item is about; items without a lane get one of their own. */
export function planBatch(
  items: readonly BatchItem[],
  laneOf: (item: BatchItem) => string | undefined = intentLaneKey,
): BatchPlan {
  const duplicateOf = new Map<number, number>();
  const firstByMessageId = new Map<string, number>();
  const lanes = new Map<string, number[]>();
  items.forEach((item, index) => {
    if (item.messageId !== undefined) {
      const first = firstByMessageId.get(item.messageId);
      if (first !== undefined) {
        duplicateOf.set(index, first);
        return;
      }
      firstByMessageId.set(item.messageId, index);
    }
    if (item.intents.length === 0) return;
    const key = laneOf(item) ?? `#${index}`;
    const lane = lanes.get(key);
    if (lane) lane.push(index);
    else lanes.set(key, [index]);
  });
  return { lanes: [...lanes.values()], duplicateOf };
}

/** Who a batch item is about, for its lane: the user id, else the email, else the group. */
export function intentLaneKey(item: BatchItem): string | undefined {
  for (const intent of item.intents) {
    if (intent.kind === 'assertRecord') continue;
    const person = intent.person;
    const key = person?.userId ?? person?.email ?? (intent.kind === 'group' ? intent.groupId : undefined);
    if (key !== undefined) return key.toLowerCase();
  }
  return undefined;
}
