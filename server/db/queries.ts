/**
 * Every SQL statement of the server, shared by the PGlite and PostgreSQL stores. jsonb values go
 * in as JSON text (`$n::jsonb`), so both drivers pass them the same way.
 */
import type { ActivityDefinition } from '../../src/core/event.js';
import type { Audience, Change, LocalizedText } from '../../src/core/activity.js';
import type { Language } from '../../src/core/protocol.js';
import { toNumber, type Sql } from './store.js';

export const CHANGES_CHANNEL = 'osa_changes';

export interface EventRow {
  id: string;
  title: LocalizedText;
  languages: Language[];
  seq: number;
}

export async function findEvent(sql: Sql, eventId: string): Promise<EventRow | undefined> {
  const rows = await sql.query<EventRow>('SELECT id, title, languages, seq FROM events WHERE id = $1', [eventId]);
  return rows[0] && { ...rows[0], seq: toNumber(rows[0].seq) };
}

export async function organiserKeyHash(sql: Sql, eventId: string): Promise<string | undefined> {
  const rows = await sql.query<{ organiser_key_hash: string }>('SELECT organiser_key_hash FROM events WHERE id = $1', [eventId]);
  return rows[0]?.organiser_key_hash;
}

/**
 * Replaces the event's organiser key hash; with `current`, only while the stored hash is still that
 * one (two rotations with one key at once: the second finds the hash changed). False when nothing was replaced.
 */
export async function setOrganiserKeyHash(sql: Sql, eventId: string, hash: string, current?: string): Promise<boolean> {
  const rows =
    current === undefined
      ? await sql.query('UPDATE events SET organiser_key_hash = $2 WHERE id = $1 RETURNING id', [eventId, hash])
      : await sql.query('UPDATE events SET organiser_key_hash = $2 WHERE id = $1 AND organiser_key_hash = $3 RETURNING id', [eventId, hash, current]);
  return rows.length > 0;
}

/** Tells the instances that an event's organiser key was replaced: they end streams opened with the old key. */
export async function notifyKeyRotated(sql: Sql, eventId: string): Promise<void> {
  await sql.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify({ event: eventId, keyRotated: true })]);
}

export interface InvitationRow {
  uses: number;
  usesLeft: number;
  expiresAt: string;
}

export async function insertInvitation(sql: Sql, invitation: { tokenHash: string; uses: number; expiresAt: string }): Promise<void> {
  await sql.query('INSERT INTO invitations (token_hash, uses, uses_left, expires_at) VALUES ($1, $2, $2, $3::timestamptz)', [
    invitation.tokenHash,
    invitation.uses,
    invitation.expiresAt,
  ]);
}

export async function findInvitation(sql: Sql, tokenHash: string): Promise<InvitationRow | undefined> {
  const rows = await sql.query<{ uses: unknown; uses_left: unknown; expires_at: Date | string }>(
    'SELECT uses, uses_left, expires_at FROM invitations WHERE token_hash = $1',
    [tokenHash],
  );
  const row = rows[0];
  return row && { uses: toNumber(row.uses), usesLeft: toNumber(row.uses_left), expiresAt: new Date(row.expires_at).toISOString() };
}

/**
 * Takes one use of an invitation that has one left and has not expired at `now`; returns the uses
 * left after it, or undefined when none was taken. One statement: of two transactions taking the
 * last use at once, the second waits for the first's row lock and then finds none left.
 */
export async function takeInvitationUse(sql: Sql, tokenHash: string, now: string): Promise<number | undefined> {
  const rows = await sql.query<{ uses_left: unknown }>(
    'UPDATE invitations SET uses_left = uses_left - 1 WHERE token_hash = $1 AND uses_left > 0 AND expires_at > $2::timestamptz RETURNING uses_left',
    [tokenHash, now],
  );
  return rows[0] ? toNumber(rows[0].uses_left) : undefined;
}

/** Locks the event's row until the transaction ends and returns its seq; undefined when there is no such event. */
export async function lockEvent(sql: Sql, eventId: string): Promise<number | undefined> {
  const rows = await sql.query<{ seq: unknown }>('SELECT seq FROM events WHERE id = $1 FOR UPDATE', [eventId]);
  return rows[0] ? toNumber(rows[0].seq) : undefined;
}

export async function setEventSeq(sql: Sql, eventId: string, seq: number): Promise<void> {
  await sql.query('UPDATE events SET seq = $2 WHERE id = $1', [eventId, seq]);
}

/** Inserts the event; false when its id is taken. */
export async function insertEvent(sql: Sql, event: { id: string; title: LocalizedText; languages: string[]; organiserKeyHash: string }): Promise<boolean> {
  const rows = await sql.query(
    'INSERT INTO events (id, title, languages, organiser_key_hash) VALUES ($1, $2::jsonb, $3::jsonb, $4) ON CONFLICT (id) DO NOTHING RETURNING id',
    [event.id, JSON.stringify(event.title), JSON.stringify(event.languages), event.organiserKeyHash],
  );
  return rows.length > 0;
}

export async function insertActivities(sql: Sql, eventId: string, definitions: ActivityDefinition[]): Promise<void> {
  if (definitions.length === 0) return;
  const rows = definitions.map((definition, position) => ({ id: definition.id, position, definition }));
  await sql.query(
    `INSERT INTO activities (event_id, id, position, definition)
     SELECT $1, x.id, x.position, x.definition FROM jsonb_to_recordset($2::jsonb) AS x(id text, position integer, definition jsonb)`,
    [eventId, JSON.stringify(rows)],
  );
}

export async function loadActivities(sql: Sql, eventId: string): Promise<ActivityDefinition[]> {
  const rows = await sql.query<{ definition: ActivityDefinition }>('SELECT definition FROM activities WHERE event_id = $1 ORDER BY position', [eventId]);
  return rows.map((row) => row.definition);
}

interface ChangeRow {
  seq: unknown;
  activity_id: string;
  type: string;
  data: unknown;
  audience: Audience;
  at: Date | string;
}

const toChange = (row: ChangeRow): Change => ({
  seq: toNumber(row.seq),
  activity: row.activity_id,
  type: row.type,
  data: row.data,
  audience: row.audience,
  at: new Date(row.at).getTime(),
});

/** The event's changes after `seq`, in order. */
export async function changesAfter(sql: Sql, eventId: string, seq: number): Promise<Change[]> {
  const rows = await sql.query<ChangeRow>(
    'SELECT seq, activity_id, type, data, audience, at FROM changes WHERE event_id = $1 AND seq > $2 ORDER BY seq',
    [eventId, seq],
  );
  return rows.map(toChange);
}

/** Inserts changes in one statement per 500 (one round trip for an ordinary command). */
export async function insertChanges(sql: Sql, eventId: string, changes: readonly Change[]): Promise<void> {
  for (let start = 0; start < changes.length; start += 500) {
    const rows = changes.slice(start, start + 500).map((change) => ({
      seq: change.seq,
      activity_id: change.activity,
      type: change.type,
      data: change.data ?? null,
      audience: change.audience,
      at: new Date(change.at).toISOString(),
    }));
    await sql.query(
      `INSERT INTO changes (event_id, seq, activity_id, type, data, audience, at)
       SELECT $1, x.seq, x.activity_id, x.type, coalesce(x.data, 'null'::jsonb), x.audience, x.at
       FROM jsonb_to_recordset($2::jsonb) AS x(seq bigint, activity_id text, type text, data jsonb, audience text, at timestamptz)`,
      [eventId, JSON.stringify(rows)],
    );
  }
}

export async function notifyChanges(sql: Sql, eventId: string, seq: number): Promise<void> {
  await sql.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify({ event: eventId, seq })]);
}

export async function findParticipant(sql: Sql, eventId: string, tokenHash: string): Promise<string | undefined> {
  const rows = await sql.query<{ id: string }>('SELECT id FROM participants WHERE event_id = $1 AND token_hash = $2', [eventId, tokenHash]);
  return rows[0]?.id;
}

/** Binds a device (by its token's hash) to the event; a device bound meanwhile by another request keeps its first id. */
export async function bindParticipant(sql: Sql, eventId: string, tokenHash: string, id: string): Promise<string> {
  await sql.query('INSERT INTO participants (event_id, token_hash, id) VALUES ($1, $2, $3) ON CONFLICT (event_id, token_hash) DO NOTHING', [
    eventId,
    tokenHash,
    id,
  ]);
  const bound = await findParticipant(sql, eventId, tokenHash);
  if (!bound) throw new Error('A participant was bound and not found.');
  return bound;
}

export async function insertSimulatedParticipants(sql: Sql, eventId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql.query(
    `INSERT INTO participants (event_id, id, simulated) SELECT $1, x.id, true FROM jsonb_to_recordset($2::jsonb) AS x(id text)`,
    [eventId, JSON.stringify(ids.map((id) => ({ id })))],
  );
}

/** The stored writes among `writes` (by scope and key), keyed `scope + "\u0000" + key`: one round trip for a group. */
export async function findWrites(sql: Sql, eventId: string, writes: ReadonlyArray<{ scope: string; key: string }>): Promise<Map<string, { print: string; result: unknown }>> {
  const found = new Map<string, { print: string; result: unknown }>();
  if (writes.length === 0) return found;
  const rows = await sql.query<{ scope: string; key: string; fingerprint: string; result: unknown }>(
    `SELECT i.scope, i.key, i.fingerprint, i.result FROM idempotency i
     JOIN jsonb_to_recordset($2::jsonb) AS x(scope text, key text) ON i.scope = x.scope AND i.key = x.key
     WHERE i.event_id = $1`,
    [eventId, JSON.stringify(writes.map(({ scope, key }) => ({ scope, key })))],
  );
  for (const row of rows) found.set(`${row.scope}\u0000${row.key}`, { print: row.fingerprint, result: row.result });
  return found;
}

/** Records the idempotency keys of a group's writes in one statement. */
export async function insertWrites(sql: Sql, eventId: string, writes: ReadonlyArray<{ scope: string; key: string; print: string; result: unknown }>): Promise<void> {
  if (writes.length === 0) return;
  await sql.query(
    `INSERT INTO idempotency (event_id, scope, key, fingerprint, result)
     SELECT $1, x.scope, x.key, x.fingerprint, coalesce(x.result, 'null'::jsonb)
     FROM jsonb_to_recordset($2::jsonb) AS x(scope text, key text, fingerprint text, result jsonb)`,
    [eventId, JSON.stringify(writes.map((write) => ({ scope: write.scope, key: write.key, fingerprint: write.print, result: write.result ?? null })))],
  );
}

/** Forgets idempotency keys older than `hours`: a retry comes within minutes, not days. */
export async function pruneWrites(sql: Sql, hours: number): Promise<number> {
  const rows = await sql.query("DELETE FROM idempotency WHERE created_at < now() - make_interval(hours => $1) RETURNING key", [hours]);
  return rows.length;
}
