import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the TypeScript schema and committed as SQL; they run unchanged on
// PGlite and on PostgreSQL >= 15.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/platform/db/schema.ts',
  out: './drizzle',
  breakpoints: true,
});
