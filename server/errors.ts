/**
 * Every error answer has the body `{ error: ErrorBody }` (docs/http-api.md). Schema errors from
 * Fastify's validator are turned into `invalid` naming the field, with the same reasons and
 * wording as the core's own validation; an `OsaError` keeps its code and status.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { OsaError, isOsaError, type ErrorBody, type ValidationReason } from '../src/core/errors.js';
import { describeIssue, fieldKey, type ValidationIssue } from '../src/core/validate.js';

/** Headers are validated lower-cased; errors name them as they are written. */
const HEADER_NAMES: Record<string, string> = {
  'x-osa-device': 'X-Osa-Device',
  'x-osa-organiser': 'X-Osa-Organiser',
  'idempotency-key': 'Idempotency-Key',
  'last-event-id': 'Last-Event-ID',
  authorization: 'Authorization',
};

interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

function reasonOf(error: SchemaError): ValidationReason {
  const limit = Number(error.params.limit);
  switch (error.keyword) {
    case 'required':
      return { kind: 'required' };
    case 'additionalProperties':
      return { kind: 'unknownField' };
    case 'type':
      return { kind: 'wrongType' };
    case 'minLength':
    case 'minItems':
      return limit <= 1 ? { kind: 'required' } : { kind: 'tooShort', limit };
    case 'maxLength':
      return { kind: 'tooLong', limit };
    case 'minimum':
    case 'exclusiveMinimum':
      return { kind: 'tooSmall', limit };
    case 'maximum':
    case 'exclusiveMaximum':
      return { kind: 'tooLarge', limit };
    case 'maxItems':
      return { kind: 'tooMany', limit };
    default:
      return { kind: 'notAllowed' };
  }
}

/** The first problem Fastify's validator found, as the core names problems. */
export function issueOf(errors: readonly SchemaError[], context: string | undefined): ValidationIssue {
  const error = errors[0];
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') path.push(String(error.params.missingProperty));
  if (error.keyword === 'additionalProperties') path.push(String(error.params.additionalProperty));
  // An unknown key is repeated cut short (`fieldKey`), as the core names fields.
  let field = path.map(fieldKey).join('.');
  if (context === 'headers' && path.length > 0) field = HEADER_NAMES[path[0]] ?? fieldKey(path[0]);
  if (!field) field = context === 'querystring' ? 'query' : (context ?? 'body');
  return { field, reason: reasonOf(error) };
}

function invalid(field: string, reason: ValidationReason, message = describeIssue({ field, reason })): ErrorBody {
  return { code: 'invalid', message, field, reason };
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  let status: number;
  let body: ErrorBody;
  if (error.validation) {
    const issue = issueOf(error.validation as unknown as SchemaError[], error.validationContext);
    status = 400;
    body =
      error.validationContext === 'body' && request.body === undefined
        ? invalid('body', { kind: 'required' }, 'The body is missing: send a JSON object (Content-Type: application/json).')
        : invalid(issue.field, issue.reason);
  } else if (isOsaError(error)) {
    status = error.status;
    body = error.toJSON();
    if (error.retryAfter !== undefined) reply.header('retry-after', String(error.retryAfter));
  } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const limit = request.routeOptions.bodyLimit ?? 0;
    status = 413;
    body = invalid('body', { kind: 'tooLong', limit }, `The body must have at most ${limit} bytes.`);
  } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    status = 415;
    body = invalid('Content-Type', { kind: 'notAllowed' }, 'Send the body as JSON (Content-Type: application/json).');
  } else if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    status = 400;
    body = invalid('body', { kind: 'required' }, 'The body is empty: send a JSON object (e.g. {}).');
  } else if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (error instanceof SyntaxError && error.statusCode === 400)) {
    status = 400;
    body = invalid('body', { kind: 'wrongType' }, 'The body is not valid JSON.');
  } else if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    status = error.statusCode;
    body = { code: status === 404 ? 'not_found' : status === 429 ? 'rate_limited' : status === 403 ? 'forbidden' : 'invalid', message: error.message };
  } else {
    request.log.error(error);
    status = 500;
    body = new OsaError('unknown', 'The server failed to answer; please try again.').toJSON();
  }
  void reply.status(status).send({ error: body });
}

/** How much of an unknown path a 404 repeats. */
const SHOWN_PATH_LIMIT = 200;

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): void {
  const path = request.url.split('?')[0];
  const shown = path.length > SHOWN_PATH_LIMIT ? `${path.slice(0, SHOWN_PATH_LIMIT)}…` : path;
  void reply.status(404).send({ error: { code: 'not_found', message: `There is no ${request.method} ${shown}.` } satisfies ErrorBody });
}
