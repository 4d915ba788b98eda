import { z } from 'zod';
import { type ErrorCode, type ErrorDetail, englishOf, errorStatus, type Text } from '../../shared/error-codes.js';

export type { ErrorCode, ErrorDetail, Text };

/**
 * The one error type of Sentra: a stable code (which fixes the HTTP status), a human text and details.
 * Every text is given in both languages, the one way: `new AppError('CONFLICT', { id: 'Data sedang diubah',
 * en: 'The record is being changed' })`, and a field detail as `{ path, code, message: 'Isi alasan', en: 'Give a
 * reason' }`. `message` stays Indonesian (logs, jobs); the error handler answers `en` to English requests.
 */
export class AppError extends Error {
  readonly status: number;
  readonly en: string;
  constructor(
    readonly code: ErrorCode,
    text: Text,
    readonly details?: ErrorDetail[] | Record<string, unknown>,
  ) {
    super(text.id);
    this.name = 'AppError';
    this.en = text.en;
    this.status = errorStatus[code];
  }

  /** `what` names the missing thing: `AppError.notFound({ id: 'Peserta', en: 'Participant' })`. */
  static notFound(what: Text = { id: 'Data', en: 'Record' }) {
    return new AppError('NOT_FOUND', { id: `${what.id} tidak ditemukan`, en: `${what.en} not found` });
  }

  static forbidden(
    text: Text = { id: 'Anda tidak memiliki izin untuk tindakan ini', en: 'You are not allowed to do this' },
  ) {
    return new AppError('FORBIDDEN', text);
  }

  /** 409 for a value already taken, the field marked with the same text. */
  static duplicate(path: string, text: Text) {
    return new AppError('ALREADY_EXISTS', text, [{ path, code: 'duplicate', message: text.id, en: text.en }]);
  }

  static validation(
    details: ErrorDetail[],
    text: Text = { id: 'Data tidak valid — periksa isian yang ditandai', en: 'Invalid data — check the marked fields' },
  ) {
    return new AppError('VALIDATION_FAILED', text, details);
  }
}

type IssueLike = { code: string; message: string; params?: unknown };

const zodEnglish = z.locales.en().localeError;

/**
 * The English of a zod issue: the schema's own (`params.en` of a custom issue, or a `zodText` message), else zod's
 * default text in English — the server's zod speaks Indonesian (`z.config(z.locales.id())` in app.ts). `input` is
 * the value at the issue's path, which zod's text about a wrong type names ("received number").
 */
export function issueEnglish(issue: IssueLike, input?: unknown): string {
  const en = (issue.params as { en?: unknown } | undefined)?.en;
  if (typeof en === 'string') return en;
  const known = englishOf(issue.message);
  if (known) return known;
  const said = zodEnglish({ ...issue, input } as never);
  return (typeof said === 'string' ? said : said?.message) || issue.message;
}

/** The value at a zod issue's path inside the data that was parsed. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** The field details of a failed zod parse of `data`. */
export function issueDetails(issues: readonly z.core.$ZodIssue[], data: unknown): ErrorDetail[] {
  return issues.map((i) => ({
    path: i.path.join('.'),
    code: i.code,
    message: i.message,
    en: issueEnglish(i, valueAt(data, i.path)),
  }));
}

type PgError = { code?: string; constraint?: string; detail?: string; column?: string; cause?: unknown };

/** Finds a PostgreSQL error (from pg or PGlite, possibly wrapped by Drizzle) inside an error. */
export function pgErrorOf(err: unknown): PgError | undefined {
  let cur: unknown = err;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const c = cur as PgError;
    if (typeof c.code === 'string' && /^[0-9A-Z]{5}$/.test(c.code)) return c;
    cur = c.cause;
  }
  return undefined;
}

/** Turns database constraint errors into domain errors, so bad input never surfaces as a 500. */
export function translateDbError(err: unknown): AppError | undefined {
  const pg = pgErrorOf(err);
  if (!pg?.code) return undefined;
  switch (pg.code) {
    case '23505':
      return new AppError(
        'ALREADY_EXISTS',
        { id: 'Data yang sama sudah ada', en: 'The same record already exists' },
        { constraint: pg.constraint ?? null },
      );
    case '23503':
      return new AppError(
        'UNPROCESSABLE',
        { id: 'Data rujukan tidak ditemukan', en: 'A referenced record does not exist' },
        { constraint: pg.constraint ?? null },
      );
    case '23502':
    case '23514':
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    case '22P02':
      return new AppError(
        'VALIDATION_FAILED',
        { id: 'Data tidak valid', en: 'Invalid data' },
        {
          constraint: pg.constraint ?? null,
          column: pg.column ?? null,
        },
      );
    case '40001':
    case '40P01':
      return new AppError('CONFLICT', {
        id: 'Data sedang diubah oleh proses lain — coba lagi',
        en: 'The record is being changed by another process — try again',
      });
    case '57P01':
    case '57P03':
    case '08000':
    case '08003':
    case '08006':
      return new AppError('SERVICE_UNAVAILABLE', {
        id: 'Basis data sedang tidak tersedia — coba lagi sebentar lagi',
        en: 'The database is not available — try again in a moment',
      });
    default:
      return undefined;
  }
}
