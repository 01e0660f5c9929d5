/**
 * The protocol between the browser and every back end (the reference server, the in-page local
 * back end, a developer's own): what is read, what is exported, what creating an event answers.
 * The server and the adapters both import these types from here, so neither depends on the other.
 */
import type { ActivityRecord, LocalizedText, Viewer } from './activity.js';

/** The languages every text of the library exists in; an event offers some of them. */
export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface ActivitySummary {
  id: string;
  kind: string;
  title: LocalizedText;
  phase: string;
}

export interface EventInfo {
  id: string;
  title: LocalizedText;
  languages: Language[];
  activities: ActivitySummary[];
}

/**
 * What one viewer sees of an activity: its settings and the state folded from the changes
 * visible to them (public ones, their own, and for the organiser all), up to `seq`.
 */
export interface ActivitySnapshot<S = unknown, C = unknown> extends ActivityRecord<S, C> {
  eventId: string;
  /** The last change folded into `state`; subscribe from here. */
  seq: number;
  viewer: Viewer;
}

export interface CreatedEvent {
  eventId: string;
  /** The organiser key: shown once, needed for organiser-only operations. */
  organiserKey: string;
}

export type ExportCell = string | number | boolean | null;
/** Named tables of plain rows, e.g. `results`, `ideas`, `votes` of a board. */
export type ExportTables = Record<string, Array<Record<string, ExportCell>>>;

/** An export of one activity for the organiser: named tables of plain rows. */
export interface ActivityExport {
  eventId: string;
  activity: string;
  kind: string;
  exportedAt: string;
  tables: ExportTables;
}

/**
 * What a back end answers to a command: the command's result, and `seq`, the last change of the
 * write that the caller may read (absent when the write changed nothing the caller sees). A
 * subscriber has read its own write once its view reaches that `seq`.
 */
export interface CommandAnswer<R = unknown> {
  result: R;
  seq?: number;
}
