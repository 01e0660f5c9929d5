/**
 * Typed errors shared by the rules, the adapters and the server. An element turns the code
 * (and, for `invalid`, the field and reason) into a message in the user's language; the
 * server turns it into an HTTP status and a JSON body, and the http adapter back into this class.
 */
export type ErrorCode =
  | 'offline'
  | 'not_found'
  | 'phase_closed'
  | 'full'
  | 'rate_limited'
  | 'invalid'
  | 'forbidden'
  | 'conflict'
  /** The server's CORS allow-list leaves out the origin of the page the element is in. */
  | 'origin_refused'
  | 'unknown';

/** Why a value was refused; `limit` is the bound that was crossed, where there is one. */
export type ValidationReason =
  | { kind: 'required' }
  | { kind: 'tooShort'; limit: number }
  | { kind: 'tooLong'; limit: number }
  | { kind: 'tooSmall'; limit: number }
  | { kind: 'tooLarge'; limit: number }
  | { kind: 'tooMany'; limit: number }
  | { kind: 'notAllowed' }
  | { kind: 'wrongType' }
  | { kind: 'unknownField' };

/**
 * Why a credential the operator handed out (an invitation) is refused, with `forbidden`: it has
 * expired, its uses are used up, or the server never issued it.
 */
export type Refusal = 'expired' | 'used' | 'unknown';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
  reason?: ValidationReason;
  retryAfter?: number;
  refusal?: Refusal;
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  offline: 503,
  not_found: 404,
  phase_closed: 409,
  full: 409,
  rate_limited: 429,
  invalid: 400,
  forbidden: 403,
  conflict: 409,
  origin_refused: 403,
  unknown: 500,
};

export class OsaError extends Error {
  override readonly name = 'OsaError';
  readonly code: ErrorCode;
  readonly field?: string;
  readonly reason?: ValidationReason;
  /** Seconds to wait before retrying, for `rate_limited`. */
  readonly retryAfter?: number;
  /** Why an invitation is refused, for `forbidden`. */
  readonly refusal?: Refusal;

  constructor(code: ErrorCode, message: string, details: Omit<ErrorBody, 'code' | 'message'> = {}) {
    super(message);
    this.code = code;
    this.field = details.field;
    this.reason = details.reason;
    this.retryAfter = details.retryAfter;
    this.refusal = details.refusal;
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }

  toJSON(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message };
    if (this.field !== undefined) body.field = this.field;
    if (this.reason !== undefined) body.reason = this.reason;
    if (this.retryAfter !== undefined) body.retryAfter = this.retryAfter;
    if (this.refusal !== undefined) body.refusal = this.refusal;
    return body;
  }

  static fromJSON(body: ErrorBody): OsaError {
    return new OsaError(body.code, body.message, body);
  }

  /** Whether a write that failed this way may succeed if sent again later unchanged. */
  get retryable(): boolean {
    return this.code === 'offline' || this.code === 'rate_limited' || this.code === 'unknown';
  }
}

export function isOsaError(error: unknown): error is OsaError {
  return error instanceof OsaError;
}

/** Wraps anything thrown into an OsaError so callers handle one type. */
export function toOsaError(error: unknown): OsaError {
  if (error instanceof OsaError) return error;
  return new OsaError('unknown', error instanceof Error ? error.message : String(error));
}
