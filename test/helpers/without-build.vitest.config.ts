import { defineConfig } from 'vitest/config';

// For a test that runs another test file in a child vitest: no global build, which would rewrite dist/ under the outer run.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], env: { TZ: 'Pacific/Kiritimati' } } });
