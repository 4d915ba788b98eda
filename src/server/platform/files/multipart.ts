import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, issueDetails } from '../errors.js';

/**
 * Reads a one-file multipart upload: the fields must come before the file, because the upload is checked against
 * them (operator, purpose, kind…) while it streams in, never buffered whole. `save` receives the parsed fields and
 * the file stream; a refused file is drained so the connection can still carry the answer.
 */
export async function readUpload<F extends z.ZodType, T>(
  req: FastifyRequest,
  fieldsSchema: F,
  save: (fields: z.infer<F>, file: { filename: string; body: Readable }) => Promise<T>,
): Promise<T> {
  if (!req.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      id: 'Kirim berkas sebagai multipart/form-data',
      en: 'Send the file as multipart/form-data',
    });
  const fields: Record<string, unknown> = {};
  let saved: T | undefined;
  let done = false;
  for await (const part of req.parts()) {
    if (part.type === 'field') {
      if (!done && !(part.fieldname in fields)) fields[part.fieldname] = part.value;
      continue;
    }
    try {
      if (done || part.fieldname !== 'file')
        throw AppError.validation([
          {
            path: part.fieldname,
            code: 'unexpected',
            message: 'hanya satu berkas, di bagian "file"',
            en: 'only one file, in the "file" part',
          },
        ]);
      const parsed = fieldsSchema.safeParse(fields);
      if (!parsed.success) {
        throw AppError.validation(
          issueDetails(parsed.error.issues, fields).map((d) => ({
            ...d,
            message: `${d.message} (kirim sebelum bagian file)`,
            en: `${d.en ?? d.message} (send it before the file part)`,
          })),
        );
      }
      saved = await save(parsed.data, { filename: part.filename, body: part.file });
      done = true;
    } catch (err) {
      part.file.resume();
      throw err;
    }
  }
  if (!done)
    throw AppError.validation([
      { path: 'file', code: 'required', message: 'berkas wajib dikirim', en: 'a file is required' },
    ]);
  return saved as T;
}
