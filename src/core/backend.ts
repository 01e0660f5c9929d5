/**
 * What every back end does around the core's `EventLedger`, written once: the reference server
 * and the in-page local back end both call these, and differ only in where they store changes.
 */
import { ENGINE_CHANGE, isVisible, type Change, type Viewer } from './activity.js';
import { OsaError } from './errors.js';
import { activityUpdateSchema, eventUpdateSchema, type ActivityDefinition, type ActivityUpdate, type EventUpdate } from './event.js';
import { assertStorable, checkActivityDefinition } from './event-setup.js';
import { fingerprint, randomKey } from './idempotency.js';
import { EVENT_CHANGE, EVENT_SCOPE, type EventLedger } from './ledger.js';
import { assertValid } from './validate.js';
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

/** An organiser's edit of an event after its creation (the body of the matching request, unchecked). */
export type EventEdit =
  | { edit: 'addActivity'; definition: unknown }
  | { edit: 'updateActivity'; activityId: string; update: unknown }
  | { edit: 'updateEvent'; update: unknown };

/**
 * Checks an organiser's edit of an event against the ledger as it is and returns the changes that
 * make it, numbered after the ledger's last seq, for a store to record and then `apply` (nothing
 * is changed here). A new activity is checked as at creation (`EventLedger.addActivity`); a title
 * is a `title` change of its activity (so streams carry it and views fold it); the event's title
 * and languages are a change of the event itself. Refused with `forbidden` for anyone but the
 * organiser, `invalid` naming the field, `conflict` (field `id`) for an id the event has.
 */
export function stampEdit(ledger: EventLedger, edit: EventEdit, viewer: Viewer, now: number): Change[] {
  switch (edit.edit) {
    case 'addActivity': {
      assertOrganiser(viewer, 'add an activity');
      const definition = structuredClone(checkActivityDefinition(edit.definition));
      ledger.checkActivity(definition);
      return ledger.number(EVENT_SCOPE, [{ type: EVENT_CHANGE.activity, data: { definition } satisfies { definition: ActivityDefinition }, audience: 'public' }], now);
    }
    case 'updateActivity': {
      assertOrganiser(viewer, 'edit an activity');
      ledger.activity(edit.activityId);
      assertStorable(edit.update);
      const { title } = structuredClone(assertValid<ActivityUpdate>(activityUpdateSchema, edit.update));
      return ledger.number(edit.activityId, [{ type: ENGINE_CHANGE.title, data: { title }, audience: 'public' }], now);
    }
    case 'updateEvent': {
      assertOrganiser(viewer, 'edit the event');
      assertStorable(edit.update);
      const update = structuredClone(assertValid<EventUpdate>(eventUpdateSchema, edit.update));
      if (update.title === undefined && update.languages === undefined) {
        throw new OsaError('invalid', 'Give the event\'s new "title", "languages" or both.', { field: 'title', reason: { kind: 'required' } });
      }
      return ledger.number(EVENT_SCOPE, [{ type: EVENT_CHANGE.event, data: update, audience: 'public' }], now);
    }
  }
}
