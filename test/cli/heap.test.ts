import { describe, expect, it } from 'vitest';
import { boundHeapGrowth } from '../../src/cli/heap.js';

describe('the CLI bounds its heap growth', () => {
  it('sets V8’s heap growing factor when the user has not', () => {
    expect(boundHeapGrowth({}, [])).toBe(true);
  });

  it('leaves a setting of the user’s own as it is, in NODE_OPTIONS or on node’s command line', () => {
    expect(boundHeapGrowth({ NODE_OPTIONS: '--max-old-space-size=512 --heap-growing-percent=50' }, [])).toBe(false);
    expect(boundHeapGrowth({}, ['--heap_growing_percent=10'])).toBe(false);
  });
});
