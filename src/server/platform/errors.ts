import { type ErrorCode, type ErrorDetail, errorStatus } from '../../shared/error-codes.js';

export type { ErrorCode, ErrorDetail };

/** The one error type of Sentra: a stable code (which fixes the HTTP status), a human message and details. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[] | Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = errorStatus[code];
  }

  static notFound(what = 'Data') {
    return new AppError('NOT_FOUND', `${what} tidak ditemukan`);
  }

  static forbidden(message = 'Anda tidak memiliki izin untuk tindakan ini') {
    return new AppError('FORBIDDEN', message);
  }

  static validation(details: ErrorDetail[], message = 'Data tidak valid — periksa isian yang ditandai') {
    return new AppError('VALIDATION_FAILED', message, details);
  }
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
      return new AppError('ALREADY_EXISTS', 'Data yang sama sudah ada', { constraint: pg.constraint ?? null });
    case '23503':
      return new AppError('UNPROCESSABLE', 'Data rujukan tidak ditemukan', { constraint: pg.constraint ?? null });
    case '23502':
    case '23514':
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    case '22P02':
      return new AppError('VALIDATION_FAILED', 'Data tidak valid', {
        constraint: pg.constraint ?? null,
        column: pg.column ?? null,
      });
    case '40001':
    case '40P01':
      return new AppError('CONFLICT', 'Data sedang diubah oleh proses lain — coba lagi');
    case '57P01':
    case '57P03':
    case '08000':
    case '08003':
    case '08006':
      return new AppError('SERVICE_UNAVAILABLE', 'Basis data sedang tidak tersedia — coba lagi sebentar lagi');
    default:
      return undefined;
  }
}
