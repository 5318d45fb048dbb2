import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The JSON report feeds the plain 'N passed, N failed' line of .ci/run.
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    env: { TZ: 'UTC', NO_COLOR: '1' },
  },
});
