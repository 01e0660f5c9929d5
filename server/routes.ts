/** The HTTP API, under `/api/v1` (docs/http-api.md is its description). */
import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { csvDelimiter, toCsv } from '../src/core/csv.js';
import type { Language } from '../src/core/protocol.js';
import { exportLabels } from '../src/i18n/export-labels.js';
import { OsaError } from '../src/core/errors.js';
import { assertValid, describeIssue } from '../src/core/validate.js';
import type { Viewer } from '../src/core/activity.js';
import type { ActivityExport, CommandAnswer } from '../src/core/protocol.js';
import type { LiveHub } from './live.js';
import * as schemas from './schemas.js';
import { secretsEqual } from './secrets.js';
import { assertStorable } from '../src/core/event-setup.js';
import type { Credentials, EventService } from './service.js';

export interface RouteOptions {
  service: EventService;
  hub: LiveHub;
  adminToken: string | undefined;
}

interface IdentityHeaders {
  'x-osa-device'?: string;
  'x-osa-organiser'?: string;
}

const credentialsOf = (headers: IdentityHeaders): Credentials => ({ device: headers['x-osa-device'], organiserKey: headers['x-osa-organiser'] });

/** The token of an `Authorization: <scheme> <token>` header, if it has that scheme. */
function authorization(headers: { authorization?: string }, scheme: 'Bearer' | 'Invitation'): string | undefined {
  const match = /^(\S+) +(\S+)$/.exec(headers.authorization ?? '');
  return match && match[1].toLowerCase() === scheme.toLowerCase() ? match[2] : undefined;
}

/** Up to 5 MB for an event definition (a large seed or workshop catalogue). */
const EVENT_BODY_LIMIT = 5 * 1024 * 1024;

const noStore = (reply: FastifyReply): FastifyReply => reply.header('cache-control', 'no-store');

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export async function apiRoutes(app: FastifyInstance, { service, hub, adminToken }: RouteOptions): Promise<void> {
  app.get('/health', async () => ({ ok: true, database: service.store.kind }));

  app.post<{ Body: Record<string, unknown>; Headers: { authorization?: string } }>(
    '/events',
    { bodyLimit: EVENT_BODY_LIMIT, schema: { body: schemas.eventBody, headers: schemas.adminHeaders } },
    async (request, reply) => {
      const invitation = authorization(request.headers, 'Invitation');
      if (invitation === undefined) assertAdmin(request.headers, 'Creating events', 'Creating an event', 'osallistu import event.json');
      const created = await service.createEvent(request.body, { invitation });
      return noStore(reply).status(201).send(created);
    },
  );

  app.post<{ Body: { uses?: number; days?: number }; Headers: { authorization?: string } }>(
    '/invitations',
    { schema: { body: schemas.invitationInput, headers: schemas.adminHeaders } },
    async (request, reply) => {
      assertAdmin(request.headers, 'Making invitations', 'Making an invitation', 'osallistu invite');
      return noStore(reply).status(201).send(await service.createInvitation(request.body));
    },
  );

  app.get<{ Headers: { authorization?: string } }>('/invitations/current', { schema: { headers: schemas.adminHeaders } }, async (request, reply) => {
    const invitation = authorization(request.headers, 'Invitation');
    if (invitation === undefined) {
      throw new OsaError('forbidden', 'Checking an invitation needs it in the header Authorization: Invitation <token>.', { field: 'Authorization' });
    }
    return noStore(reply).send({ valid: true, ...(await service.checkInvitation(invitation)) });
  });

  /** Refuses a request without the operator's admin token; `what` and `one` complete the messages, `cli` is the command that works without it. */
  function assertAdmin(headers: { authorization?: string }, what: string, one: string, cli: string): void {
    if (adminToken === undefined) throw new OsaError('forbidden', `${what} over HTTP is turned off on this server (set OSA_ADMIN_TOKEN), use the CLI: ${cli}`);
    const presented = authorization(headers, 'Bearer');
    if (presented === undefined || !secretsEqual(presented, adminToken)) {
      throw new OsaError('forbidden', `${one} needs the admin token (Authorization: Bearer …).`, { field: 'Authorization' });
    }
  }

  app.patch<{ Params: { eventId: string }; Headers: IdentityHeaders; Body: unknown }>(
    '/events/:eventId',
    { schema: { params: schemas.eventParams, headers: schemas.identityHeaders, body: schemas.editBody } },
    async (request, reply) => {
      const { eventId } = request.params;
      return noStore(reply).send(await service.edit(eventId, { edit: 'updateEvent', update: request.body }, await organiserOf(eventId, request.headers)));
    },
  );

  app.post<{ Params: { eventId: string }; Headers: IdentityHeaders; Body: unknown }>(
    '/events/:eventId/activities',
    { schema: { params: schemas.eventParams, headers: schemas.identityHeaders, body: schemas.editBody } },
    async (request, reply) => {
      const { eventId } = request.params;
      const info = await service.edit(eventId, { edit: 'addActivity', definition: request.body }, await organiserOf(eventId, request.headers));
      return noStore(reply).status(201).send(info);
    },
  );

  app.patch<{ Params: { eventId: string; activityId: string }; Headers: IdentityHeaders; Body: unknown }>(
    '/events/:eventId/activities/:activityId',
    { schema: { params: schemas.activityParams, headers: schemas.identityHeaders, body: schemas.editBody } },
    async (request, reply) => {
      const { eventId, activityId } = request.params;
      const viewer = await organiserOf(eventId, request.headers);
      return noStore(reply).send(await service.edit(eventId, { edit: 'updateActivity', activityId, update: request.body }, viewer));
    },
  );

  app.post<{ Params: { eventId: string }; Headers: IdentityHeaders; Body: unknown }>(
    '/events/:eventId/organiser-key',
    { schema: { params: schemas.eventParams, headers: schemas.identityHeaders } },
    async (request, reply) => {
      // No input: an empty object or no body (a body schema would refuse a request without one).
      if (request.body !== undefined) assertValid(schemas.emptyBody, request.body);
      const current = request.headers['x-osa-organiser'];
      if (current === undefined) throw new OsaError('forbidden', 'Only the organiser can replace the organiser key (X-Osa-Organiser).');
      return noStore(reply).send({ organiserKey: await service.rotateOrganiserKey(request.params.eventId, current) });
    },
  );

  /** The caller of an organiser's operation: the organiser, or (any other key, or none) a viewer the core refuses. A device token plays no part. */
  async function organiserOf(eventId: string, headers: IdentityHeaders): Promise<Viewer> {
    return service.viewer(eventId, { organiserKey: headers['x-osa-organiser'] });
  }

  app.get<{ Params: { eventId: string } }>('/events/:eventId', { schema: { params: schemas.eventParams } }, async (request) =>
    service.info(request.params.eventId),
  );

  app.post<{ Params: { eventId: string }; Headers: IdentityHeaders }>(
    '/events/:eventId/participants',
    { schema: { params: schemas.eventParams, headers: schemas.identityHeaders } },
    async (request, reply) => {
      const credentials = credentialsOf(request.headers);
      if (credentials.device === undefined && credentials.organiserKey === undefined) {
        throw new OsaError('invalid', '"X-Osa-Device" is required', { field: 'X-Osa-Device', reason: { kind: 'required' } });
      }
      const viewer = await service.viewer(request.params.eventId, credentials);
      return noStore(reply).send(viewer);
    },
  );

  app.get<{ Params: { eventId: string; activityId: string }; Headers: IdentityHeaders }>(
    '/events/:eventId/activities/:activityId',
    { schema: { params: schemas.activityParams, headers: schemas.identityHeaders } },
    async (request, reply) => {
      const { eventId, activityId } = request.params;
      const viewer = await service.viewer(eventId, credentialsOf(request.headers));
      return noStore(reply).send(await service.snapshot(eventId, activityId, viewer));
    },
  );

  app.post<{
    Params: { eventId: string; activityId: string; command: string };
    Headers: IdentityHeaders & { 'idempotency-key'?: string };
    Body: { payload?: unknown; idempotencyKey?: string } | undefined;
  }>(
    '/events/:eventId/activities/:activityId/commands/:command',
    { schema: { params: schemas.commandParams, headers: schemas.commandHeaders, body: schemas.commandBody } },
    async (request, reply) => {
      const { eventId, activityId, command } = request.params;
      const body = request.body ?? {};
      const headerKey = request.headers['idempotency-key'];
      if (body.idempotencyKey !== undefined && headerKey !== undefined && body.idempotencyKey !== headerKey) {
        throw new OsaError('invalid', 'The Idempotency-Key header and "idempotencyKey" differ.', { field: 'idempotencyKey', reason: { kind: 'notAllowed' } });
      }
      const idempotencyKey = body.idempotencyKey ?? headerKey;
      if (idempotencyKey === undefined) {
        throw new OsaError('invalid', '"idempotencyKey" is required', { field: 'idempotencyKey', reason: { kind: 'required' } });
      }
      const credentials = credentialsOf(request.headers);
      if (credentials.device === undefined && credentials.organiserKey === undefined) {
        throw new OsaError('forbidden', 'A command needs a participant (X-Osa-Device) or the organiser key (X-Osa-Organiser).');
      }
      assertStorable(body.payload);
      const viewer = await service.viewer(eventId, credentials);
      try {
        const outcome = await service.send(eventId, activityId, command, body.payload ?? {}, viewer, idempotencyKey);
        return noStore(reply).send({ result: outcome.result ?? null, ...(outcome.seq !== undefined ? { seq: outcome.seq } : {}) } satisfies CommandAnswer);
      } catch (error) {
        // The core names fields inside the payload (`text`); a payload of the wrong shape as a whole is `payload`.
        if (error instanceof OsaError && error.code === 'invalid' && error.field === '' && error.reason) {
          throw new OsaError('invalid', describeIssue({ field: 'payload', reason: error.reason }), { field: 'payload', reason: error.reason });
        }
        throw error;
      }
    },
  );

  app.get<{
    Params: { eventId: string; activityId: string };
    Headers: IdentityHeaders;
    Querystring: { format?: 'json' | 'csv'; table?: string; delimiter?: 'comma' | 'semicolon'; lang?: Language; timeZone?: string };
  }>(
    '/events/:eventId/activities/:activityId/export',
    { schema: { params: schemas.activityParams, headers: schemas.identityHeaders, querystring: schemas.exportQuery } },
    async (request, reply) => {
      const { eventId, activityId } = request.params;
      const { format = 'json', table, lang, timeZone } = request.query;
      if (timeZone !== undefined && !isTimeZone(timeZone)) {
        throw new OsaError('invalid', '"timeZone" must be a time zone such as Europe/Helsinki', { field: 'timeZone', reason: { kind: 'notAllowed' } });
      }
      const viewer = await service.viewer(eventId, credentialsOf(request.headers));
      const exported = await service.exportActivity(eventId, activityId, viewer);
      const names = Object.keys(exported.tables);
      if (table !== undefined && !names.includes(table)) {
        throw new OsaError('invalid', `"table" must be one of ${names.join(', ') || '(none)'}`, { field: 'table', reason: { kind: 'notAllowed' } });
      }
      noStore(reply);
      if (format === 'json') {
        const body: ActivityExport = table === undefined ? exported : { ...exported, tables: { [table]: exported.tables[table] } };
        return reply.header('content-disposition', `attachment; filename="${eventId}-${activityId}.json"`).send(body);
      }
      if (table === undefined) {
        throw new OsaError('invalid', `"table" is required for CSV: one of ${names.join(', ')}`, { field: 'table', reason: { kind: 'required' } });
      }
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${eventId}-${activityId}-${table}.csv"`)
        .send(
          // With `lang`, for a person: the element's column titles and values, local date-times (the element's own download writes the same).
          toCsv(exported.tables[table], {
            delimiter: request.query.delimiter ? (request.query.delimiter === 'semicolon' ? ';' : ',') : lang ? csvDelimiter(lang) : ',',
            labels: lang ? exportLabels(exported.kind, lang, (await service.ledger(eventId)).activity(activityId).record.config) : undefined,
            timeZone,
          }),
        );
    },
  );

  app.get<{ Params: { eventId: string }; Headers: IdentityHeaders & { 'last-event-id'?: string }; Querystring: { since?: number } }>(
    '/events/:eventId/stream',
    { schema: { params: schemas.eventParams, headers: schemas.streamHeaders, querystring: schemas.streamQuery } },
    async (request, reply) => {
      const { eventId } = request.params;
      const credentials = credentialsOf(request.headers);
      const viewer = await service.viewer(eventId, credentials);
      if (credentials.organiserKey !== undefined && !viewer.organiser) {
        // A live view must not turn silently into a participant's: a key that was replaced (or mistyped) is refused, not ignored.
        throw new OsaError('forbidden', "The organiser key is not this event's (it may have been replaced): open the stream with the current key, or without one.", {
          field: 'X-Osa-Organiser',
        });
      }
      const ledger = await service.fresh(eventId);
      const resumed = request.headers['last-event-id'];
      // From now means from the last committed change: a group being committed may still fail.
      const since = resumed !== undefined ? Number(resumed) : (request.query.since ?? service.committedSeq(eventId) ?? ledger.seq);
      if (since > ledger.seq) {
        const field = resumed !== undefined ? 'Last-Event-ID' : 'since';
        throw new OsaError('invalid', `"${field}" must be at most ${ledger.seq}, the event's last change: reload the activity.`, {
          field,
          reason: { kind: 'tooLarge', limit: ledger.seq },
        });
      }
      // HEAD (Fastify answers it with this handler) gets the stream's headers at once, and no stream that would never end.
      if (request.method === 'HEAD') return reply.header('content-type', 'text/event-stream; charset=utf-8').header('cache-control', 'no-cache, no-transform').send();
      reply.hijack();
      hub.open(eventId, viewer, since, request.raw, reply.raw, reply.getHeaders() as OutgoingHttpHeaders, credentials.organiserKey);
    },
  );
}
