/** When the queue refuses a delivery, and for how long it asks senders to wait. */
import { describe, expect, it } from 'vitest';
import { admission, PaceMeter } from '../../../../src/destinations/http/queue/backpressure.js';

const bounds = { maxEvents: 1_000, maxAgeMs: 600_000 };
const NOW = 10_000_000;

describe('backpressure', () => {
  it('admits below both bounds', () => {
    expect(admission({ depth: 999, oldestReceivedAt: NOW - 599_999 }, bounds, NOW, 10)).toEqual({ admit: true });
    expect(admission({ depth: 0 }, bounds, NOW, 0)).toEqual({ admit: true });
  });

  it('past the event bound: refuses, asking for the time the drain needs to make room for a tenth of the bound', () => {
    // 1,000 queued, room below 900: 100 events at 10/s.
    expect(admission({ depth: 1_000, oldestReceivedAt: NOW }, bounds, NOW, 10)).toEqual({
      admit: false,
      reason: 'the queue holds 1000 events (bound 1000)',
      retryAfterSeconds: 10,
    });
    // Never less than a second, never past the 300 s Segment's SDK would cut it to.
    expect(admission({ depth: 1_000 }, bounds, NOW, 1_000)).toMatchObject({ retryAfterSeconds: 1 });
    expect(admission({ depth: 5_000 }, bounds, NOW, 1)).toMatchObject({ retryAfterSeconds: 300 });
    // Nothing drained lately (Attio down): a minute.
    expect(admission({ depth: 1_000 }, bounds, NOW, 0)).toMatchObject({ retryAfterSeconds: 60 });
  });

  it('past the age bound: refuses for a minute', () => {
    expect(admission({ depth: 3, oldestReceivedAt: NOW - 600_000 }, bounds, NOW, 10)).toEqual({
      admit: false,
      reason: 'the oldest queued event is 600 s old (bound 600 s)',
      retryAfterSeconds: 60,
    });
  });

  it('the pace is what was drained over the last window', () => {
    const clock = { t: 0 };
    const pace = new PaceMeter(() => clock.t, 10_000);
    pace.record(50);
    clock.t = 5_000;
    pace.record(50);
    expect(pace.perSecond()).toBe(10);
    clock.t = 10_001;
    expect(pace.perSecond()).toBe(5);
    clock.t = 15_001;
    expect(pace.perSecond()).toBe(0);
  });
});
