import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorDetail } from '../../../shared/error-codes.js';
import { AppError, issueEnglish, translateDbError, valueAt } from '../errors.js';
import { type Language, languageOf } from './language.js';

function pathOf(instancePath: string, context?: string): string {
  const p = instancePath.replace(/^\//, '').replaceAll('/', '.');
  return context && context !== 'body' ? (p ? `${context}.${p}` : context) : p;
}

/** What a route's schema validated, by fastify's validation context. */
function validatedData(request: FastifyRequest | undefined, context: string | undefined): unknown {
  if (!request) return undefined;
  if (context === 'querystring') return request.query;
  if (context === 'params') return request.params;
  if (context === 'headers') return request.headers;
  return request.body;
}

/**
 * Maps anything thrown into `{ error: { code, message, details } }` with the code's status; no stack traces leave.
 * `request` gives a validation failure the values it was about, which zod's English texts name.
 */
export function toAppError(err: unknown, request?: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const context = (err as { validationContext?: string }).validationContext;
    const data = validatedData(request, context);
    const details: ErrorDetail[] = err.validation.map((v) => {
      // fastify-type-provider-zod keeps the rest of the zod issue in `params` (a custom issue's own `params` too).
      const rest = v.params as { issue?: { code?: string } } & Record<string, unknown>;
      const path = v.instancePath.split('/').filter(Boolean);
      return {
        path: pathOf(v.instancePath, context === 'body' ? undefined : context),
        code: String(rest?.issue?.code ?? v.keyword),
        message: v.message ?? 'tidak valid',
        en: v.message ? issueEnglish({ ...rest, code: v.keyword, message: v.message }, valueAt(data, path)) : 'invalid',
      };
    });
    return AppError.validation(details);
  }
  const db = translateDbError(err);
  if (db) return db;
  const fe = err as FastifyError;
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    switch (fe.statusCode) {
      case 413:
        return new AppError('PAYLOAD_TOO_LARGE', {
          id: 'Berkas atau data terlalu besar',
          en: 'File or data too large',
        });
      case 415:
        return new AppError('UNSUPPORTED_MEDIA_TYPE', {
          id: 'Jenis konten tidak didukung',
          en: 'Content type not supported',
        });
      case 429:
        return new AppError('RATE_LIMITED', {
          id: 'Terlalu banyak permintaan — coba lagi sebentar lagi',
          en: 'Too many requests — try again in a moment',
        });
      case 404:
        return AppError.notFound();
      default:
        return new AppError(
          'BAD_REQUEST',
          fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
            ? { id: 'Isi permintaan bukan JSON yang valid', en: 'The request body is not valid JSON' }
            : { id: 'Permintaan tidak valid', en: 'Invalid request' },
        );
    }
  }
  return new AppError('INTERNAL', { id: 'Terjadi kesalahan pada server', en: 'Something went wrong on the server' });
}

function isDetail(d: unknown): d is ErrorDetail {
  return typeof d === 'object' && d !== null && typeof (d as ErrorDetail).message === 'string';
}

/**
 * The error as the client gets it, in its language: English replaces `message` and each detail's `message` where
 * an English text exists (never an empty one); `en` itself is not sent.
 */
export function errorBody(err: AppError, language: Language) {
  const english = language === 'en';
  const message = english && err.en ? err.en : err.message;
  const details = Array.isArray(err.details)
    ? err.details.map((d) => {
        if (!isDetail(d)) return d;
        const { en, ...rest } = d;
        return english && en ? { ...rest, message: en } : rest;
      })
    : err.details;
  return { error: { code: err.code, message, details } };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const appErr = toAppError(err, request);
    if (appErr.status >= 500 || isResponseSerializationError(err)) request.log.error({ err }, 'request failed');
    else request.log.info({ code: appErr.code }, appErr.message);
    return reply.status(appErr.status).send(errorBody(appErr, languageOf(request)));
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
    const { error } = errorBody(AppError.notFound({ id: 'Alamat', en: 'URL' }), languageOf(request));
    return reply.status(404).send({ error: { code: error.code, message: error.message } });
  });
}
