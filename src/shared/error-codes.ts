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
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type ErrorDetail = { path: string; code: string; message: string };

export type ErrorBody = {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[] | Record<string, unknown> };
};
