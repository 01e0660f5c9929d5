/**
 * What every back end does around the core's `EventLedger`, written once: the reference server
 * and the in-page local back end both call these, and differ only in where they store changes.
 */
import { isVisible, type Change, type Viewer } from './activity.js';
import { OsaError } from './errors.js';
import { fingerprint, randomKey } from './idempotency.js';
import type { EventLedger } from './ledger.js';
import type { ActivityExport, ActivitySnapshot, EventInfo } from './protocol.js';

/** A participant id: random, unrelated to the device token it is bound to. */
export const newParticipantId = (): string => `p_${randomKey(9)}`;

/** An organiser key: 192 random bits, url-safe (32 characters). */
export const newOrganiserKey = (): string => randomKey(24);

/** The event's title, languages and activities with their phases: what anyone may read. */
export function eventInfo(ledger: EventLedger): EventInfo {
  return {
    id: ledger.eventId,
    title: structuredClone(ledger.title),
    languages: [...ledger.languages],
    activities: [...ledger.activities.values()].map(({ record }) => ({ id: record.id, kind: record.kind, title: structuredClone(record.title), phase: record.phase })),
  };
}

/** What `viewer` sees of an activity now. */
export function activitySnapshot(ledger: EventLedger, activityId: string, viewer: Viewer, until = ledger.seq): ActivitySnapshot {
  return { ...ledger.snapshot(activityId, viewer, until), eventId: ledger.eventId, viewer };
}

/** Refuses a caller without the organiser key; `action` completes "Only the organiser can …". */
export function assertOrganiser(viewer: Viewer, action: string): void {
  if (!viewer.organiser) throw new OsaError('forbidden', `Only the organiser can ${action}.`);
}

/** The organiser's export of an activity: the kind's tables. Refused for anyone else. */
export function activityExport(ledger: EventLedger, activityId: string, viewer: Viewer, now: number): ActivityExport {
  assertOrganiser(viewer, 'export an activity');
  const { kind, record } = ledger.activity(activityId);
  return { eventId: ledger.eventId, activity: activityId, kind: kind.kind, exportedAt: new Date(now).toISOString(), tables: kind.exportTables?.(record) ?? {} };
}

/** Tells a retry of a write (same caller, activity, command and body) from another write that reuses its idempotency key. */
export function writeFingerprint(viewer: Viewer, activityId: string, command: string, payload: unknown): string {
  return fingerprint({ viewer, activity: activityId, command, payload });
}

/**
 * The idempotency scope of a caller: a key is unique per participant (or for the organiser acting
 * without a device), so one participant can never replay another's write.
 */
export function writeScope(viewer: Viewer): string {
  return viewer.participant !== undefined ? `participant:${viewer.participant}` : 'organiser';
}

/** The last of a write's changes that its caller may read, for `CommandAnswer.seq` (read-your-writes). */
export function lastVisibleSeq(ledger: EventLedger, activityId: string, changes: readonly Change[], viewer: Viewer): number | undefined {
  const { kind, record } = ledger.activity(activityId);
  let seq: number | undefined;
  for (const change of changes) if (isVisible(kind, change, record, viewer)) seq = change.seq;
  return seq;
}
