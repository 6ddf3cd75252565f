import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/build-once.ts'],
    // A process zone far from UTC (UTC+14): nothing the server shows may depend on it.
    env: { TZ: 'Pacific/Kiritimati' },
    testTimeout: 20_000,
  },
});
