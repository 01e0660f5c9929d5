/**
 * The detail type of every event the library dispatches, keyed by event name.
 * Each element adds its own events to this map by declaration merging, next to a matching
 * entry in `GlobalEventHandlersEventMap`, so `emit()` and `addEventListener()` are both typed.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OsaEventDetailMap {}

export type OsaEventName = keyof OsaEventDetailMap;
