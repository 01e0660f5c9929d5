import {
  applyChange,
  createActivity,
  isVisible,
  runCommand,
  type ActivityRecord,
  type AnyKind,
  type Change,
  type ChangeDraft,
  type CommandContext,
  type LocalizedText,
  type Viewer,
} from './activity.js';
import { OsaError } from './errors.js';
import { MAX_ACTIVITIES, type ActivityDefinition, type EventUpdate } from './event.js';
import { kindOf } from './kinds.js';
import { LANGUAGES, type Language } from './protocol.js';

export interface LedgerActivity {
  definition: ActivityDefinition;
  kind: AnyKind;
  record: ActivityRecord;
  /** Every change of this activity, in seq order, except those a later change replaced (`KindView.replaces`). */
  log: Change[];
  /** For `KindView.replaces`: the seq of the latest change with each key. */
  latest?: Map<string, number>;
}

/**
 * The `activity` of a change to the event itself rather than to one of its activities (no activity
 * has an empty id): an activity added after creation, a new title or languages. Such changes are
 * numbered in the event's seq like every other change, so they reach other server instances, tabs
 * and reloaded ledgers the same way; they belong to no activity's log, so no stream carries them.
 */
export const EVENT_SCOPE = '';

/** The types of the event's own changes (`EVENT_SCOPE`). */
export const EVENT_CHANGE = {
  /** `{ definition }`: an activity added after creation (it starts in `definition.phase`, else its kind's first). */
  activity: 'activity',
  /** `EventUpdate`: the event's new title and/or languages. */
  event: 'event',
} as const;

/**
 * The live state of one event: its activities folded from their changes. Both the in-page
 * adapter and the server keep one per event; they differ only in where changes are stored.
 *
 * A write is two steps so a store can make it atomic: `plan` runs the rule against the current
 * state and returns the changes without touching anything; once the store has recorded them
 * (with their seq numbers, and the idempotency key), `apply` folds them in.
 */
export class EventLedger {
  readonly activities = new Map<string, LedgerActivity>();
  /** The last seq folded in. */
  seq = 0;

  constructor(
    readonly eventId: string,
    /** The event's title: as created, then as the last `EVENT_CHANGE.event` set it. */
    public title: LocalizedText,
    definitions: ActivityDefinition[],
    /** The event's languages (main first); every language of the library when left out. */
    public languages: Language[] = [...LANGUAGES],
  ) {
    for (const definition of definitions) this.addActivity(definition);
  }

  /**
   * Adds an activity: the one path by which an event gets its activities, at creation and when the
   * organiser adds one later (`stampEdit` in `./backend.ts` checks it here before it is recorded,
   * `apply` adds it here once it is). Refused when the id is taken (`conflict`, field `id`), the
   * event already has `MAX_ACTIVITIES`, or the kind, settings or phase break the kind's rules
   * (`invalid` naming the field). The definition's shape is checked before (`checkActivityDefinition`).
   */
  addActivity(definition: ActivityDefinition): LedgerActivity {
    const entry = this.checkActivity(definition);
    this.activities.set(definition.id, entry);
    return entry;
  }

  /** `addActivity`'s checks, adding nothing: the activity it would add. */
  checkActivity(definition: ActivityDefinition): LedgerActivity {
    if (this.activities.has(definition.id)) {
      throw new OsaError('conflict', `The event already has an activity with the id "${definition.id}".`, { field: 'id', reason: { kind: 'notAllowed' } });
    }
    if (this.activities.size >= MAX_ACTIVITIES) {
      throw new OsaError('invalid', `An event has at most ${MAX_ACTIVITIES} activities.`, { field: 'activities', reason: { kind: 'tooMany', limit: MAX_ACTIVITIES } });
    }
    const kind = kindOf(definition.kind);
    return { definition, kind, record: createActivity(kind, definition), log: [] };
  }

  /** Numbers drafted changes after the ledger's last seq, stamped with their scope (an activity, or `EVENT_SCOPE`) and the time. */
  number(scope: string, drafts: readonly ChangeDraft[], now: number): Change[] {
    return drafts.map((draft, index) => ({ ...draft, seq: this.seq + index + 1, activity: scope, at: now }));
  }

  activity(activityId: string): LedgerActivity {
    const found = this.activities.get(activityId);
    if (!found) throw new OsaError('not_found', `Event "${this.eventId}" has no activity "${activityId}".`);
    return found;
  }

  /** Runs a command against the current state; returns its result and the changes to record. */
  plan(activityId: string, command: string, payload: unknown, context: CommandContext): { result: unknown; changes: ChangeDraft[] } {
    const { kind, record } = this.activity(activityId);
    return runCommand(kind, record, command, payload, context);
  }

  /**
   * `plan` (with the event's languages in the context), with the changes numbered after the
   * ledger's last seq and stamped with the activity and the time: what a store records (and then
   * `apply`s) when nobody else writes in between.
   */
  stamp(activityId: string, command: string, payload: unknown, context: CommandContext): { result: unknown; changes: Change[] } {
    const { result, changes } = this.plan(activityId, command, payload, { ...context, eventLanguages: this.languages });
    return { result, changes: this.number(activityId, changes, context.now) };
  }

  /** Folds recorded changes in; changes already folded (seq at or below `this.seq`) are skipped. */
  apply(changes: readonly Change[]): void {
    for (const change of changes) {
      if (change.seq <= this.seq) continue;
      if (change.seq !== this.seq + 1) throw new Error(`Change ${change.seq} of event ${this.eventId} arrived after ${this.seq}: a change is missing.`);
      this.seq = change.seq;
      if (change.activity === EVENT_SCOPE) {
        this.applyEventChange(change);
        continue;
      }
      const entry = this.activities.get(change.activity);
      if (!entry) continue;
      applyChange(entry.kind, entry.record, change);
      const key = entry.kind.replaces?.(change);
      if (key !== undefined) dropReplaced(entry, key, change.seq);
      entry.log.push(change);
    }
  }

  private applyEventChange(change: Change): void {
    if (change.type === EVENT_CHANGE.activity) {
      this.addActivity(structuredClone((change.data as { definition: ActivityDefinition }).definition));
    } else if (change.type === EVENT_CHANGE.event) {
      const { title, languages } = change.data as EventUpdate;
      if (title !== undefined) this.title = structuredClone(title);
      if (languages !== undefined) this.languages = [...languages];
    }
  }

  /**
   * The changes of an activity after `since` (and up to `until`, when a store folds changes in
   * before they are committed) that `viewer` may read now.
   */
  changesFor(activityId: string, viewer: Viewer, since = 0, until = this.seq): Change[] {
    const { kind, record, log } = this.activity(activityId);
    const start = firstAfter(log, since);
    const end = until >= this.seq ? log.length : firstAfter(log, until);
    const visible: Change[] = [];
    for (let index = start; index < end; index += 1) {
      if (isVisible(kind, log[index], record, viewer)) visible.push(log[index]);
    }
    return visible;
  }

  /** What `viewer` sees of an activity: its settings and the fold of the changes visible to them. */
  snapshot(activityId: string, viewer: Viewer, until = this.seq): ActivityRecord & { seq: number } {
    const { kind, record, definition } = this.activity(activityId);
    const view = createActivity(kind, { ...definition, config: record.config, phase: record.phase });
    for (const change of this.changesFor(activityId, viewer, 0, until)) applyChange(kind, view, change);
    return { ...view, title: record.title, seq: Math.min(until, this.seq) };
  }
}

/** Forgets the change `key` named before `seq`, if the log still holds it: a later one replaces it for every reader. */
function dropReplaced(entry: LedgerActivity, key: string, seq: number): void {
  entry.latest ??= new Map();
  const earlier = entry.latest.get(key);
  entry.latest.set(key, seq);
  if (earlier === undefined) return;
  const index = firstAfter(entry.log, earlier - 1);
  if (entry.log[index]?.seq === earlier) entry.log.splice(index, 1);
}

/** Index of the first change with seq greater than `since` (binary search: the log is in seq order). */
function firstAfter(log: readonly Change[], since: number): number {
  let low = 0;
  let high = log.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (log[middle].seq <= since) low = middle + 1;
    else high = middle;
  }
  return low;
}
