#!/usr/bin/env node
// `npx sentra <command>`: runs the TypeScript CLI through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

process.env.TZ = 'UTC';
register();
await import('../src/cli/main.ts');
