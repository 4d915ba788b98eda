import type { ErrorCode } from '../../shared/error-codes.js';

/** A field-level problem reported by the server, `path` names the input (e.g. `email`). */
export type FieldProblem = { path: string; message: string; code?: string };

/** Every failed request becomes one of these, whatever shape the server (or Better Auth) used. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** The `[{ path, message }]` details of a validation error, or an empty list. */
  get fieldProblems(): FieldProblem[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldProblem =>
        typeof d === 'object' && d !== null && typeof d.path === 'string' && typeof d.message === 'string',
    );
  }
}

export type ListResponse<T> = { items: T[]; total: number };

type QueryValue = string | number | boolean | null | undefined;

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
};

let currentLanguage = 'id';

/** The API answers in the language the person reads (server messages are shown next to fields). */
export function setApiLanguage(language: string): void {
  currentLanguage = language;
}

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

function errorFrom(status: number, body: unknown): ApiError {
  const b = (body ?? {}) as Record<string, unknown>;
  // Sentra: { error: { code, message, details } }; Better Auth: { code, message }.
  const e = (typeof b.error === 'object' && b.error !== null ? b.error : b) as Record<string, unknown>;
  const code = typeof e.code === 'string' ? e.code : `HTTP_${status}`;
  const message = typeof e.message === 'string' ? e.message : '';
  return new ApiError(status, code, message, e.details);
}

/**
 * The one way the web app talks to the server: JSON in (or a multipart form for uploads, fields before the file),
 * JSON out, session cookie attached.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal } = options;
  const form = body instanceof FormData;
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage };
  // A form's content type carries its boundary, which only the browser knows.
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${path}${buildQuery(query)}`, {
      method,
      headers,
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', '');
  }
  const text = await res.text();
  let parsed: unknown;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!res.ok) throw errorFrom(res.status, parsed);
  return parsed as T;
}

export function isApiError(err: unknown, status?: number): err is ApiError {
  return err instanceof ApiError && (status === undefined || err.status === status);
}
