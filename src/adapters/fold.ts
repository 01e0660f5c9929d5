import { applyChange, ENGINE_CHANGE, type Change } from '../core/activity.js';
import { kindView } from '../core/kind-views.js';
import type { ActivitySnapshot } from '../core/protocol.js';

/**
 * Folds delivered changes into a snapshot with the kind's own rule (`applyChange`, the same fold
 * `EventLedger.snapshot` uses to build a view). Changes at or below the snapshot's `seq` are
 * already in it and are skipped, so a snapshot and a subscription from its `seq` never count a
 * change twice. The state is updated in place; the returned snapshot is a new object so that
 * reactive hosts see the change.
 */
export function foldChanges<S, C>(snapshot: ActivitySnapshot<S, C>, changes: readonly Change[]): ActivitySnapshot<S, C> {
  const fresh = changes.filter((change) => change.seq > snapshot.seq && change.activity === snapshot.id);
  if (fresh.length === 0) return snapshot;
  const kind = kindView(snapshot.kind);
  if (!kind) throw new Error(`osallistu: no element on this page shows activities of kind "${snapshot.kind}", so their changes cannot be folded.`);
  const next = { ...snapshot };
  for (const change of fresh) applyChange(kind, next, change);
  next.seq = fresh[fresh.length - 1].seq;
  return next;
}

/**
 * Whether a change may change what the viewer is allowed to see (a later phase shows results,
 * a new setting hides ideas): the snapshot must then be reloaded, not folded.
 */
export function changesVisibility(change: Change): boolean {
  return change.type === ENGINE_CHANGE.phase || change.type === ENGINE_CHANGE.config;
}
