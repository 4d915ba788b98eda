import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('runs with no configuration at all', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      baseUrl: 'http://localhost:3000',
      dataDir: './data',
      databaseUrl: undefined,
      runJobs: true,
    });
    expect(c.notify.transports).toEqual(['log']);
  });

  it('names every wrong variable with what it expects', () => {
    try {
      loadConfig({ PORT: 'tiga ribu', DATABASE_URL: 'mysql://x', SENTRA_NOTIFY_TRANSPORTS: 'log,pigeon' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT');
      expect(problems).toContain('DATABASE_URL');
      expect(problems).toContain('SENTRA_NOTIFY_TRANSPORTS');
    }
  });

  it('requires what an option depends on', () => {
    expect(() => loadConfig({ SENTRA_ADMIN_EMAIL: 'a@b.id' })).toThrow(/SENTRA_ADMIN_PASSWORD/);
    expect(() => loadConfig({ SENTRA_FILE_STORE: 's3' })).toThrow(/S3_BUCKET/);
    expect(() => loadConfig({ SENTRA_NOTIFY_TRANSPORTS: 'log,whatsapp' })).toThrow(/WHATSAPP_API_URL/);
  });
});
