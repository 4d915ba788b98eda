import { defineConfig } from 'vitest/config';

// One id per `vitest run`: PostgreSQL test databases are named after it, so parallel runs never collide.
process.env.SENTRA_TEST_RUN ??= `${process.pid}_${Date.now().toString(36)}`;

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    env: { TZ: 'UTC', SENTRA_TEST_RUN: process.env.SENTRA_TEST_RUN },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each test file opens its own database; two workers fit a 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
  },
});
