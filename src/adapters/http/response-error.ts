import { OsaError, type ErrorBody, type ErrorCode } from '../../core/errors.js';

/** Error codes for answers that carry no `ErrorBody` (a proxy's error page, a gateway timeout). */
function codeForStatus(status: number): ErrorCode {
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'offline';
  if (status === 400 || status === 422) return 'invalid';
  if (status === 409) return 'conflict';
  return 'unknown';
}

/** The error an answer that is not ok carries: its `ErrorBody`, else one made from the status. */
export async function errorFrom(response: Response): Promise<OsaError> {
  try {
    const body = (await response.json()) as { error?: ErrorBody };
    if (body.error && typeof body.error.code === 'string') return OsaError.fromJSON(body.error);
  } catch {
    // Not JSON: fall through to the status.
  }
  const retryAfter = Number(response.headers.get('Retry-After'));
  return new OsaError(codeForStatus(response.status), `The server answered ${response.status} ${response.statusText}.`, Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {});
}
