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
import type { ActivityDefinition } from './event.js';
import { kindOf } from './kinds.js';
import { LANGUAGES, type Language } from './protocol.js';

export interface LedgerActivity {
  definition: ActivityDefinition;
  kind: AnyKind;
  record: ActivityRecord;
  /** Every change of this activity, in seq order. */
  log: Change[];
}

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
    readonly title: LocalizedText,
    definitions: ActivityDefinition[],
    /** The event's languages; every language of the library when left out. */
    readonly languages: Language[] = [...LANGUAGES],
  ) {
    for (const definition of definitions) this.addActivity(definition);
  }

  private addActivity(definition: ActivityDefinition): void {
    if (this.activities.has(definition.id)) {
      throw new OsaError('invalid', `Two activities have the id "${definition.id}".`, { field: 'activities', reason: { kind: 'notAllowed' } });
    }
    const kind = kindOf(definition.kind);
    this.activities.set(definition.id, { definition, kind, record: createActivity(kind, definition), log: [] });
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
    return { result, changes: changes.map((draft, index) => ({ ...draft, seq: this.seq + index + 1, activity: activityId, at: context.now })) };
  }

  /** Folds recorded changes in; changes already folded (seq at or below `this.seq`) are skipped. */
  apply(changes: readonly Change[]): void {
    for (const change of changes) {
      if (change.seq <= this.seq) continue;
      if (change.seq !== this.seq + 1) throw new Error(`Change ${change.seq} of event ${this.eventId} arrived after ${this.seq}: a change is missing.`);
      this.seq = change.seq;
      const entry = this.activities.get(change.activity);
      if (!entry) continue;
      applyChange(entry.kind, entry.record, change);
      entry.log.push(change);
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
