/**
 * JSON schemas of the HTTP envelopes (params, query, headers, bodies), checked by Fastify before a
 * handler runs. Command payloads and event definitions are checked by the core's own schemas.
 */
import { SLUG_PATTERN } from '../src/core/event.js';
import { IDEMPOTENCY_KEY_PATTERN } from '../src/core/idempotency.js';
import type { Schema } from '../src/core/validate.js';
import { DEVICE_TOKEN_PATTERN, KEY_PATTERN } from './secrets.js';

const slug = { type: 'string', pattern: SLUG_PATTERN } as const;
/** Commands are camelCase names (`submitIdea`, `setPhase`). */
export const COMMAND_PATTERN = '^[A-Za-z][A-Za-z0-9]{0,59}$';

export const eventParams = {
  type: 'object',
  properties: { eventId: slug },
  required: ['eventId'],
} as const;

export const activityParams = {
  type: 'object',
  properties: { eventId: slug, activityId: slug },
  required: ['eventId', 'activityId'],
} as const;

export const commandParams = {
  type: 'object',
  properties: { eventId: slug, activityId: slug, command: { type: 'string', pattern: COMMAND_PATTERN } },
  required: ['eventId', 'activityId', 'command'],
} as const;

/** The identity headers every event route reads. */
export const identityHeaders = {
  type: 'object',
  properties: {
    'x-osa-device': { type: 'string', pattern: DEVICE_TOKEN_PATTERN },
    'x-osa-organiser': { type: 'string', pattern: KEY_PATTERN },
  },
} as const;

export const commandHeaders = {
  type: 'object',
  properties: {
    ...identityHeaders.properties,
    'idempotency-key': { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN },
  },
} as const;

export const streamHeaders = {
  type: 'object',
  properties: {
    ...identityHeaders.properties,
    'last-event-id': { type: 'string', pattern: '^(0|[1-9][0-9]{0,14})$' },
  },
} as const;

export const adminHeaders = {
  type: 'object',
  properties: { authorization: { type: 'string', maxLength: 300 } },
} as const;

export const commandBody = {
  type: 'object',
  properties: {
    /** Checked by the command's own schema in the core. */
    payload: {},
    idempotencyKey: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN },
  },
  additionalProperties: false,
} as const;

/** An event definition: its content is checked by the core's `eventDefinitionSchema`. */
export const eventBody = { type: 'object' } as const;

/** An activity definition, or an edit of an activity or of the event: checked by the core (`stampEdit`), fields named as in the definition. */
export const editBody = { type: 'object' } as const;

/** The organiser-key rotation takes no input: an empty object or no body. */
export const emptyBody = { type: 'object', properties: {}, additionalProperties: false } as const;

/** How many uses an invitation may have, and for how many days it may last. */
export const INVITATION_LIMITS = { uses: { default: 1, max: 1000 }, days: { default: 14, max: 365 } } as const;

/** `POST /invitations` and the CLI's `invite` (checked by the service with the core's validator too). */
export const invitationInput = {
  type: 'object',
  properties: {
    uses: { type: 'integer', minimum: 1, maximum: INVITATION_LIMITS.uses.max },
    days: { type: 'integer', minimum: 1, maximum: INVITATION_LIMITS.days.max },
  },
  additionalProperties: false,
} as const satisfies Schema;

export const exportQuery = {
  type: 'object',
  properties: {
    format: { type: 'string', enum: ['json', 'csv'] },
    delimiter: { type: 'string', enum: ['comma', 'semicolon'] },
    table: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,60}$' },
    lang: { type: 'string', enum: ['fi', 'sv', 'en'] },
    timeZone: { type: 'string', minLength: 1, maxLength: 64 },
  },
  additionalProperties: false,
} as const;

export const streamQuery = {
  type: 'object',
  properties: { since: { type: 'integer', minimum: 0 } },
  additionalProperties: false,
} as const;
