import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // actions-core's ESM build does not load in Node's native ESM; every import of it (the destination's
    // sources, the tests) gets its CommonJS build, the one Segment runs, and so one set of classes.
    alias: [{ find: /^@segment\/actions-core$/, replacement: require.resolve('@segment/actions-core') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Unit tests must never reach the network; end-to-end tests talk to the emulator on 127.0.0.1.
    setupFiles: ['test/setup/no-network.ts'],
    // Most suites wait on emulators, subprocesses and timers rather than the CPU: four files at a time keep
    // two cores busy (vitest's default, one fewer worker than cores, would run them one by one here).
    maxWorkers: 4,
    minWorkers: 1,
  },
});
