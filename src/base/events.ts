/**
 * The detail type of every event the library dispatches, keyed by event name.
 * Each element adds its own events to this map by declaration merging, once; `OsaEventMap`
 * extends `GlobalEventHandlersEventMap` from it, so `emit()` and `addEventListener()` are both typed.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OsaEventDetailMap {}

export type OsaEventName = keyof OsaEventDetailMap;

/** Each library event as `addEventListener` sees it: a `CustomEvent` with its typed `detail`. */
export type OsaEventMap = { [K in OsaEventName]: CustomEvent<OsaEventDetailMap[K]> };

declare global {
  // Declared once here from `OsaEventDetailMap`, so an element names each event's detail in one place.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends OsaEventMap {}
}
