import { z } from 'zod';

/** Every setting Sentra reads from the environment, validated once at start. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  SENTRA_BASE_URL: z.url().optional(),
  SENTRA_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'harus berupa URL postgres://… / must be a postgres://… URL')
    .optional(),
  SENTRA_SECRET: z.string().min(32, 'minimal 32 karakter / at least 32 characters').optional(),
  SENTRA_ADMIN_EMAIL: z.email().optional(),
  SENTRA_ADMIN_PASSWORD: z.string().min(8, 'minimal 8 karakter / at least 8 characters').optional(),
  SENTRA_ADMIN_NAME: z.string().min(1).default('Administrator'),
  SENTRA_RUN_JOBS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SENTRA_UPLOAD_MAX_MB: z.coerce.number().positive().max(1024).default(25),
  SENTRA_FILE_STORE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  SENTRA_NOTIFY_TRANSPORTS: z
    .string()
    .default('log')
    .transform((v) => v.split(',').map((s) => s.trim()))
    .pipe(z.array(z.enum(['log', 'smtp', 'whatsapp']))),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'harus berupa URL smtp://… / must be an smtp://… URL')
    .optional(),
  SMTP_FROM: z.string().default('Sentra <no-reply@sentra.local>'),
  WHATSAPP_API_URL: z.url().optional(),
  WHATSAPP_API_TOKEN: z.string().optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  databaseUrl?: string;
  secret?: string;
  admin?: { email: string; password: string; name: string };
  runJobs: boolean;
  logLevel: string;
  uploadMaxBytes: number;
  fileStore:
    | { kind: 'local' }
    | { kind: 's3'; endpoint?: string; region: string; bucket: string; accessKeyId?: string; secretAccessKey?: string };
  notify: {
    transports: Array<'log' | 'smtp' | 'whatsapp'>;
    smtpUrl?: string;
    smtpFrom: string;
    whatsappUrl?: string;
    whatsappToken?: string;
  };
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Konfigurasi tidak valid / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment; throws ConfigError listing every wrong variable, each with what is expected. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.SENTRA_ADMIN_EMAIL && !e.SENTRA_ADMIN_PASSWORD)
    problems.push('SENTRA_ADMIN_PASSWORD: wajib bila SENTRA_ADMIN_EMAIL diisi / required with SENTRA_ADMIN_EMAIL');
  if (e.SENTRA_FILE_STORE === 's3' && !e.S3_BUCKET)
    problems.push('S3_BUCKET: wajib bila SENTRA_FILE_STORE=s3 / required when SENTRA_FILE_STORE=s3');
  if (e.SENTRA_NOTIFY_TRANSPORTS.includes('smtp') && !e.SMTP_URL)
    problems.push('SMTP_URL: wajib untuk transport smtp / required for the smtp transport');
  if (e.SENTRA_NOTIFY_TRANSPORTS.includes('whatsapp') && !e.WHATSAPP_API_URL)
    problems.push('WHATSAPP_API_URL: wajib untuk transport whatsapp / required for the whatsapp transport');
  if (problems.length) throw new ConfigError(problems);

  const hostForUrl = e.HOST === '0.0.0.0' || e.HOST === '::' ? 'localhost' : e.HOST;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    baseUrl: (e.SENTRA_BASE_URL ?? `http://${hostForUrl === '127.0.0.1' ? 'localhost' : hostForUrl}:${e.PORT}`).replace(
      /\/$/,
      '',
    ),
    dataDir: e.SENTRA_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    secret: e.SENTRA_SECRET,
    admin:
      e.SENTRA_ADMIN_EMAIL && e.SENTRA_ADMIN_PASSWORD
        ? { email: e.SENTRA_ADMIN_EMAIL, password: e.SENTRA_ADMIN_PASSWORD, name: e.SENTRA_ADMIN_NAME }
        : undefined,
    runJobs: e.SENTRA_RUN_JOBS,
    logLevel: e.LOG_LEVEL,
    uploadMaxBytes: Math.round(e.SENTRA_UPLOAD_MAX_MB * 1024 * 1024),
    fileStore:
      e.SENTRA_FILE_STORE === 's3'
        ? {
            kind: 's3',
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION,
            bucket: e.S3_BUCKET!,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          }
        : { kind: 'local' },
    notify: {
      transports: e.SENTRA_NOTIFY_TRANSPORTS,
      smtpUrl: e.SMTP_URL,
      smtpFrom: e.SMTP_FROM,
      whatsappUrl: e.WHATSAPP_API_URL,
      whatsappToken: e.WHATSAPP_API_TOKEN,
    },
  };
}
