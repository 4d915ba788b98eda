import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorDetail } from '../../../shared/error-codes.js';
import { AppError, translateDbError } from '../errors.js';

function pathOf(instancePath: string, context?: string): string {
  const p = instancePath.replace(/^\//, '').replaceAll('/', '.');
  return context && context !== 'body' ? (p ? `${context}.${p}` : context) : p;
}

/** Maps anything thrown into `{ error: { code, message, details } }` with the code's status; no stack traces leave. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const context = (err as { validationContext?: string }).validationContext;
    const details: ErrorDetail[] = err.validation.map((v) => ({
      path: pathOf(v.instancePath, context === 'body' ? undefined : context),
      code: String((v.params as { issue?: { code?: string } })?.issue?.code ?? v.keyword),
      message: v.message ?? 'tidak valid',
    }));
    return AppError.validation(details);
  }
  const db = translateDbError(err);
  if (db) return db;
  const fe = err as FastifyError;
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    switch (fe.statusCode) {
      case 413:
        return new AppError('PAYLOAD_TOO_LARGE', 'Berkas atau data terlalu besar');
      case 415:
        return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Jenis konten tidak didukung');
      case 429:
        return new AppError('RATE_LIMITED', 'Terlalu banyak permintaan — coba lagi sebentar lagi');
      case 404:
        return AppError.notFound();
      default:
        return new AppError(
          'BAD_REQUEST',
          fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
            ? 'Isi permintaan bukan JSON yang valid'
            : 'Permintaan tidak valid',
        );
    }
  }
  return new AppError('INTERNAL', 'Terjadi kesalahan pada server');
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const appErr = toAppError(err);
    if (appErr.status >= 500 || isResponseSerializationError(err)) request.log.error({ err }, 'request failed');
    else request.log.info({ code: appErr.code }, appErr.message);
    return reply
      .status(appErr.status)
      .send({ error: { code: appErr.code, message: appErr.message, details: appErr.details } });
  });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web app (/users/…) reload to index.html; unknown API paths get the error shape.
    const path = request.url.split('?')[0];
    const wantsPage =
      request.method === 'GET' &&
      !path.startsWith('/api/') &&
      !/\.[a-z0-9]+$/i.test(path) &&
      typeof reply.sendFile === 'function';
    if (wantsPage) return reply.type('text/html').sendFile('index.html');
    const e = AppError.notFound('Alamat');
    return reply.status(404).send({ error: { code: e.code, message: e.message } });
  });
}
