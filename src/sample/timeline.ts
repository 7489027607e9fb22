import { planActivities, type Activity } from './activity.js';
import type { Cast, SampleUser, SampleWindow } from './cast.js';
import { deriveSeed, mulberry32, type Random } from './random.js';

/**
 * Every user's activity merged into one stream in time order. A user's steps are planned when they sign
 * up and dropped once emitted, so memory grows with the number of users, never with the number of events.
 */

export interface TimelineEvent {
  user: SampleUser;
  at: number;
  expect: Activity['expect'];
  /** The message without messageId and timestamp. */
  message: Record<string, unknown>;
}

interface Cursor {
  user: SampleUser;
  activities: Activity[];
  next: number;
  random: Random;
}

export function* mergeTimelines(cast: Cast, window: SampleWindow): Generator<TimelineEvent> {
  const heap = new CursorHeap();
  let nextSignup = 0;
  for (;;) {
    const pendingUser = cast.users[nextSignup];
    const top = heap.peek();
    if (pendingUser !== undefined && (top === undefined || pendingUser.signupAt <= atOf(top))) {
      const activities = planActivities(pendingUser, window);
      const random = mulberry32(deriveSeed(pendingUser.seed, 'build'));
      if (activities.length > 0) heap.push({ user: pendingUser, activities, next: 0, random });
      nextSignup++;
      continue;
    }
    if (top === undefined) return;
    heap.pop();
    const activity = top.activities[top.next];
    top.next++;
    if (top.next < top.activities.length) heap.push(top);
    if (activity !== undefined) {
      yield { user: top.user, at: activity.at, expect: activity.expect, message: activity.build(top.random) };
    }
  }
}

function atOf(cursor: Cursor): number {
  return cursor.activities[cursor.next]?.at ?? Number.POSITIVE_INFINITY;
}

/** Earliest next activity first; ties by user index, so the order never depends on insertion history. */
function before(a: Cursor, b: Cursor): boolean {
  const delta = atOf(a) - atOf(b);
  return delta < 0 || (delta === 0 && a.user.index < b.user.index);
}

class CursorHeap {
  private readonly items: Cursor[] = [];

  peek(): Cursor | undefined {
    return this.items[0];
  }

  push(cursor: Cursor): void {
    const items = this.items;
    items.push(cursor);
    let child = items.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!before(items[child] as Cursor, items[parent] as Cursor)) break;
      this.swap(child, parent);
      child = parent;
    }
  }

  pop(): void {
    const items = this.items;
    const last = items.pop();
    if (last === undefined || items.length === 0) return;
    items[0] = last;
    let parent = 0;
    for (;;) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let first = parent;
      if (left < items.length && before(items[left] as Cursor, items[first] as Cursor)) first = left;
      if (right < items.length && before(items[right] as Cursor, items[first] as Cursor)) first = right;
      if (first === parent) return;
      this.swap(parent, first);
      parent = first;
    }
  }

  private swap(i: number, j: number): void {
    const items = this.items;
    [items[i], items[j]] = [items[j] as Cursor, items[i] as Cursor];
  }
}
