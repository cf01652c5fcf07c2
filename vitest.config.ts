import { defineConfig } from 'vitest/config';

// Four projects, as docs/design.md lays out test/: pure unit tests, CDK assertions, integration tests of the
// real handlers against DynamoDB Local, and end-to-end tests over HTTP against the local stack.
export default defineConfig({
  test: {
    // Request logs are for operators; tests show warnings and errors only.
    env: { POWERTOOLS_LOG_LEVEL: 'WARN' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        // Building the CDK tree (four stacks, one app per beforeAll) takes seconds, more on a busy machine.
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Chromium first (installed once when missing, see test/support/chromium.ts), then DynamoDB Local.
          globalSetup: ['test/support/chromium.ts', 'test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      // Minutes of load against the local stack: only `npm run test:soak` (SOAK=1) runs it.
      ...(process.env.SOAK
        ? [
            {
              extends: true,
              test: {
                name: 'soak',
                include: ['test/soak/**/*.test.ts'],
                testTimeout: 600_000,
                hookTimeout: 180_000,
              },
            },
          ]
        : []),
    ],
  },
});
