import { describe, expect, it } from 'vitest';
import { EMULATOR_API_KEY, startEmulator } from '../../src/emulator/index.js';

describe('the request log', () => {
  it('keeps at least the last requestLogLimit requests, in order, and drops older ones', async () => {
    const emulator = await startEmulator({ requestLogLimit: 10 });
    try {
      for (let n = 0; n < 30; n++) {
        await fetch(`${emulator.url}/v2/objects?n=${n}`, { headers: { authorization: `Bearer ${EMULATOR_API_KEY}` } });
      }
      expect(emulator.requests.length).toBeGreaterThanOrEqual(10);
      expect(emulator.requests.length).toBeLessThanOrEqual(11);
      const ns = emulator.requests.map((r) => Number(r.query.n));
      expect(ns).toEqual(Array.from({ length: ns.length }, (_, i) => 30 - ns.length + i));
    } finally {
      await emulator.close();
    }
  });
});
