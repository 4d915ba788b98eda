import { dropTemplate, prepareTemplate } from './test-database.js';

export default async function globalSetup() {
  process.env.TZ = 'UTC';
  await prepareTemplate();
  return () => dropTemplate();
}
