import { OsaError } from './errors.js';
import { assertValid, type Schema } from './validate.js';
import type { Random } from './ranking/random.js';
import type { ExportTables, Language } from './protocol.js';
import type { Lemmatiser } from './cloud/terms.js';

/** Who may see a change: everyone, the organiser only, or one participant (and the organiser). */
export type Audience = 'public' | 'organiser' | `participant:${string}`;

/** What a command produces; the store gives it a sequence number and a time. */
export interface ChangeDraft<T = unknown> {
  type: string;
  data: T;
  audience: Audience;
}

/**
 * One recorded change of an activity. `seq` increases by one for every change of an event
 * (across its activities), so a subscriber that knows the last `seq` it saw can ask for the rest.
 */
export interface Change<T = unknown> extends ChangeDraft<T> {
  seq: number;
  activity: string;
  /** Milliseconds since the epoch, set by the store. */
  at: number;
}

/** Text in the event's languages; a plain string is shown in every language. */
export type LocalizedText = string | Partial<Record<Language, string>>;

/** A localised text in `language`, else in Finnish, English or Swedish, whichever it has first. */
export function localizedText(value: LocalizedText | undefined, language: Language): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return value[language] ?? value.fi ?? value.en ?? value.sv ?? '';
}

/** An activity as the rules see it: its settings and the state folded from its changes. */
export interface ActivityRecord<S = unknown, C = unknown> {
  id: string;
  kind: string;
  title: LocalizedText;
  phase: string;
  config: C;
  state: S;
}

/** The viewer a command runs for, or a snapshot is made for. */
export interface Viewer {
  /** Participant id (never the device token); undefined for an organiser-only request. */
  participant?: string;
  organiser: boolean;
}

export interface CommandContext extends Viewer {
  now: number;
  /** Seeded from the platform's crypto in production, from a fixed seed in tests. */
  random: Random;
  /** Base forms of words (the server's Voikko for Finnish, when installed); absent in the browser. */
  lemmatiser?: Lemmatiser;
  /** The event's languages, first the main one: filled in by `EventLedger.stamp`, so every back end has them. */
  eventLanguages?: readonly Language[];
}

export interface CommandOutcome<R> {
  result: R;
  changes: ChangeDraft[];
}

/** One operation of an activity kind: its input schema, who may run it, when, and its rule. */
export interface CommandSpec<S, C, P, R> {
  input: Schema;
  /** Only the organiser may run it. */
  organiser?: boolean;
  /** Phases in which a participant may run it; organisers are not limited by phase. */
  phases?: readonly string[];
  run(activity: ActivityRecord<S, C>, payload: P, context: CommandContext): CommandOutcome<R>;
}

/**
 * What a browser needs to show an activity of a kind: how its changes fold into state. Each kind
 * keeps this part (`<kind>.view.ts`) apart from its commands, so a page that talks to a server
 * loads no rules.
 */
export interface KindView<S, C> {
  kind: string;
  /** In order; the first is where a new activity starts. */
  phases: readonly string[];
  /** Folds one change into the state (may mutate and return it). Unknown types are ignored. */
  reduce(state: S, change: Change, config: C): S;
  /**
   * For a change that sets a piece of state whole (e.g. the duel pair issued to one participant):
   * the key of that piece. A later change with the same key makes the earlier one useless to every
   * reader, so a ledger keeps only the latest in memory (the store keeps the history).
   */
  replaces?(change: Change): string | undefined;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKindView = KindView<any, any>;

/**
 * Everything the library knows about one kind of activity (board, cloud, …): its view and its
 * rules. Adding a kind is all an element's issue needs: the adapters and the server run any kind.
 */
export interface ActivityKind<S, C, Commands extends Record<string, CommandSpec<S, C, never, unknown>>> extends KindView<S, C> {
  configSchema: Schema;
  /** Checks what the schema cannot say (unique ids, references between fields); throws an `invalid` OsaError naming the field. */
  checkConfig?(config: C): void;
  /** Checks a new configuration against the activity as it is (e.g. no workshop removed while people hold seats in it); throws an `invalid` OsaError naming the field. */
  checkReconfigure?(config: C, activity: ActivityRecord<S, C>): void;
  defaultConfig: C;
  initialState(config: C): S;
  commands: Commands;
  /**
   * Whether `viewer` may read `change` now, beyond its audience: e.g. duel results only while the
   * organiser shows results. Checked when a snapshot or a stream is made, so it may follow the phase.
   */
  canSee?(change: Change, activity: ActivityRecord<S, C>, viewer: Viewer): boolean;
  /** The activity's data as named tables of plain rows, for the organiser's CSV and JSON export. */
  exportTables?(activity: ActivityRecord<S, C>): ExportTables;
}

// The commands map is contravariant in payload types; `never` accepts every spec.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKind = ActivityKind<any, any, Record<string, CommandSpec<any, any, any, any>>>;

/**
 * Changes that every kind understands: written by the engine's own commands (`phase`, `config`)
 * and by the organiser's edit of the activity's title (`title`, see `stampEdit` in `./backend.ts`).
 */
export const ENGINE_CHANGE = { phase: 'phase', config: 'config', title: 'title' } as const;

const phaseInput = (kind: AnyKind): Schema => ({
  type: 'object',
  properties: { phase: { type: 'string', enum: kind.phases } },
  required: ['phase'],
  additionalProperties: false,
});

const configInput = (kind: AnyKind): Schema => ({
  type: 'object',
  properties: { config: kind.configSchema },
  required: ['config'],
  additionalProperties: false,
});

/** Commands every activity has, whatever its kind: the organiser sets its phase and its settings. */
export const ENGINE_COMMANDS = ['setPhase', 'configure'] as const;
export type EngineCommand = (typeof ENGINE_COMMANDS)[number];

/** Whether `viewer` may read `change`: by its audience, then by the kind's own rule for the activity's current phase. */
export function isVisible(kind: AnyKind, change: Change, activity: ActivityRecord, viewer: Viewer): boolean {
  const byAudience =
    change.audience === 'public' ||
    viewer.organiser ||
    (viewer.participant !== undefined && change.audience === `participant:${viewer.participant}`);
  if (!byAudience) return false;
  return kind.canSee ? kind.canSee(change, activity, viewer) : true;
}

/** Merges a partial configuration over the kind's defaults and checks it. */
export function resolveConfig<C>(kind: AnyKind, config: unknown): C {
  const merged = { ...kind.defaultConfig, ...((config as object | undefined) ?? {}) };
  const valid = assertValid<C>(kind.configSchema, merged, 'config');
  kind.checkConfig?.(valid);
  return valid;
}

export function createActivity(kind: AnyKind, definition: { id: string; title?: LocalizedText; config?: unknown; phase?: string }): ActivityRecord {
  const config = resolveConfig(kind, definition.config);
  const phase = definition.phase ?? kind.phases[0];
  if (!kind.phases.includes(phase)) {
    throw new OsaError('invalid', `"phase" must be one of ${kind.phases.join(', ')}`, { field: 'phase', reason: { kind: 'notAllowed' } });
  }
  return { id: definition.id, kind: kind.kind, title: definition.title ?? definition.id, phase, config, state: kind.initialState(config) };
}

/**
 * The viewer's own entry of a map keyed by participant id. Every kind keys what belongs to a
 * participant this way, and every view reads "mine" through this: an organiser's snapshot holds
 * everyone's entries, and only the viewer's own is theirs.
 */
export function ownEntry<T>(entries: Record<string, T>, viewer: Viewer): T | undefined {
  const participant = viewer.participant;
  return participant !== undefined && Object.hasOwn(entries, participant) ? entries[participant] : undefined;
}

/** Folds one change into an activity record (engine changes and the kind's own). */
export function applyChange(kind: AnyKindView, activity: ActivityRecord, change: Change): ActivityRecord {
  if (change.type === ENGINE_CHANGE.phase) {
    activity.phase = (change.data as { phase: string }).phase;
  } else if (change.type === ENGINE_CHANGE.config) {
    activity.config = (change.data as { config: unknown }).config;
  } else if (change.type === ENGINE_CHANGE.title) {
    activity.title = (change.data as { title: LocalizedText }).title;
  } else {
    activity.state = kind.reduce(activity.state, change, activity.config);
  }
  return activity;
}

/**
 * Checks and runs one command against the current state. Nothing is changed here: the caller
 * records the returned changes (atomically with the idempotency key) and folds them in.
 */
export function runCommand(kind: AnyKind, activity: ActivityRecord, name: string, payload: unknown, context: CommandContext): CommandOutcome<unknown> {
  if (name === 'setPhase' || name === 'configure') {
    if (!context.organiser) throw new OsaError('forbidden', 'Only the organiser can change the activity.');
    if (name === 'setPhase') {
      const { phase } = assertValid<{ phase: string }>(phaseInput(kind), payload);
      return { result: { phase }, changes: [{ type: ENGINE_CHANGE.phase, data: { phase }, audience: 'public' }] };
    }
    const { config } = assertValid<{ config: unknown }>(configInput(kind), { config: resolveConfig(kind, (payload as { config?: unknown } | undefined)?.config ?? {}) });
    kind.checkReconfigure?.(config, activity);
    return { result: { config }, changes: [{ type: ENGINE_CHANGE.config, data: { config }, audience: 'public' }] };
  }
  const spec = Object.hasOwn(kind.commands, name) ? kind.commands[name] : undefined;
  if (!spec) throw new OsaError('not_found', `Activities of kind "${kind.kind}" have no operation "${name}".`);
  if (spec.organiser && !context.organiser) throw new OsaError('forbidden', `Only the organiser can run "${name}".`);
  if (!spec.organiser && !context.organiser && context.participant === undefined) {
    throw new OsaError('forbidden', `"${name}" needs a participant.`);
  }
  if (!context.organiser && spec.phases && !spec.phases.includes(activity.phase)) {
    throw new OsaError('phase_closed', `"${name}" is not open in the "${activity.phase}" phase.`);
  }
  const input = assertValid(spec.input, payload);
  return spec.run(activity, input as never, context);
}
