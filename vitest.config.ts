import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Unit tests must never reach the network; end-to-end tests talk to the emulator on 127.0.0.1.
    setupFiles: ['test/setup/no-network.ts'],
  },
});
