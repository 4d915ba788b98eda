/**
 * Stable error codes of the API. Clients (the web app, integrations) switch on these, never on messages;
 * the HTTP status belongs to the code. Domain modules add their own codes here.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  PARTICIPANT_EXISTS: 409,
  INVALID_NIK: 400,
  QUOTA_FULL: 409,
  NOT_ELIGIBLE: 409,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
  // members, trainings and mentoring
  MEMBER_ACCOUNT_EXISTS: 409,
  LOGIN_TAKEN: 409,
  ALREADY_ENROLLED: 409,
  REGISTRATION_CLOSED: 409,
  NOT_ENROLLED: 409,
  ALREADY_CHECKED_IN: 409,
  NO_SESSION_TODAY: 409,
  NOT_IN_CASELOAD: 403,
  MENTOR_AT_CAPACITY: 409,
  SLOT_TAKEN: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** The languages Sentra answers in; Bahasa Indonesia is the default. */
export type Language = 'id' | 'en';

/**
 * A user-facing text in both languages: Bahasa Indonesia (the default, and what logs say) and English. The API
 * answers with `en` when the request's `Accept-Language` prefers English.
 */
export type Text = { id: string; en: string };

/** A problem with one field; `en` is the English of `message` (the API sends one of them, as `message`). */
export type ErrorDetail = { path: string; code: string; message: string; en?: string };

const englishOfMessage = new Map<string, string>();

/**
 * A fixed zod message in both languages: `.min(2, zodText('nama minimal 2 huruf', 'the name needs 2 letters'))`.
 * A zod issue keeps one string, so the schema says the Indonesian text and the API finds the English one by it
 * (`englishOf`). Custom issues whose text varies may instead put it in `params.en` (the NIK).
 */
export function zodText(id: string, en: string): string {
  englishOfMessage.set(id, en);
  return id;
}

/** The English of a message declared with `zodText`, if any. */
export function englishOf(message: string): string | undefined {
  return englishOfMessage.get(message);
}

export type ErrorBody = {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[] | Record<string, unknown> };
};
