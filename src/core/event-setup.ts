import { ENGINE_COMMANDS, type Change, type Viewer } from './activity.js';
import { OsaError } from './errors.js';
import { activityDefinitionSchema, eventDefinitionSchema, type ActivityDefinition, type EventDefinition } from './event.js';
import { EventLedger } from './ledger.js';
import type { Random } from './ranking/random.js';
import { assertValid, joinField } from './validate.js';

/** Rewrites an error about part of a definition so that its field is the path in the whole file. */
export function within(error: unknown, prefix: string, inner = '', code?: 'invalid'): unknown {
  if (!(error instanceof OsaError)) return error;
  const field = error.field ? `${prefix}.${inner}${error.field}` : prefix;
  return new OsaError(code ?? error.code, `${prefix}: ${error.message}`, {
    field,
    reason: error.reason ?? (code ? { kind: 'notAllowed' } : undefined),
  });
}

/** Deeper JSON than any definition or payload needs; refused before anything recurses through it. */
const MAX_DEPTH = 32;

/** A UTF-16 surrogate that is not half of a pair: no character at all, and not valid UTF-8 to store. */
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * Input that a store cannot keep or should not walk: text with U+0000 or with a lone UTF-16
 * surrogate (`"\ud800"` in JSON; PostgreSQL's jsonb holds neither), and JSON nested deeper than
 * `MAX_DEPTH`. Refused naming the field (`prefix` + its path) instead of failing later as a server
 * error that a client would retry forever. Every back end calls it on every payload and definition.
 */
export function assertStorable(value: unknown, prefix = '', depth = 0): void {
  const join = (key: string | number): string => joinField(prefix, key);
  const field = prefix || 'body';
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw new OsaError('invalid', `"${field}" contains a NUL character`, { field, reason: { kind: 'notAllowed' } });
    if (LONE_SURROGATE.test(value)) {
      throw new OsaError('invalid', `"${field}" contains a lone UTF-16 surrogate, which is not a character`, { field, reason: { kind: 'notAllowed' } });
    }
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (depth >= MAX_DEPTH) throw new OsaError('invalid', `"${field}" is nested too deeply`, { field, reason: { kind: 'notAllowed' } });
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertStorable(item, join(index), depth + 1));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    assertStorable(key, join(key), depth + 1);
    assertStorable(item, join(key), depth + 1);
  }
}

/** Checks the shape of one activity definition (the schema, and what a store can keep); its kind's rules are checked by `EventLedger.addActivity`. */
export function checkActivityDefinition(input: unknown): ActivityDefinition {
  assertStorable(input);
  return assertValid<ActivityDefinition>(activityDefinitionSchema, input);
}

/**
 * Checks an event definition: the schema (fields named by their path, e.g. `activities.0.id`),
 * then every activity through `EventLedger.addActivity`, the path an activity added later takes
 * too (its kind, settings and phase with the kind's own rules, a unique id).
 */
export function checkEventDefinition(input: unknown): EventDefinition {
  assertStorable(input);
  const definition = assertValid<EventDefinition>(eventDefinitionSchema, input);
  const scratch = new EventLedger(definition.id, definition.title, [], definition.languages);
  definition.activities.forEach((activity, index) => {
    try {
      scratch.addActivity(activity);
    } catch (error) {
      // An id twice in one file is a mistake in the file, not a clash with an event that exists.
      throw within(error, `activities.${index}`, '', error instanceof OsaError && error.code === 'conflict' ? 'invalid' : undefined);
    }
  });
  return definition;
}

/**
 * An empty ledger of a definition, every activity in its kind's first phase: the phase a
 * definition names is reached by a recorded change (`prepareEvent`), so a store loads the
 * definition and replays its changes to get the same state.
 */
export function ledgerOf(definition: EventDefinition): EventLedger {
  const activities = definition.activities.map(({ phase: _phase, ...activity }) => activity);
  return new EventLedger(definition.id, definition.title, activities, definition.languages);
}

export type SetupRun = (activityId: string, command: string, payload: unknown, viewer: Viewer) => unknown;

export interface PrepareOptions {
  now: number;
  random: Random;
  newParticipantId: () => string;
  /** Runs after the seed and the phase moves, e.g. simulated demo votes; gets the same runner and participants. */
  afterSeed?: (setup: { ledger: EventLedger; run: SetupRun; participant: (label: string) => string; seeded: string[] }) => void;
}

export interface PreparedEvent {
  definition: EventDefinition;
  /** The activity definitions as stored: without their phase (each starts in its kind's first phase). */
  activities: ActivityDefinition[];
  /** The event's ledger with the seed folded in. */
  ledger: EventLedger;
  /** The changes to record, seq 1…n. */
  recorded: Change[];
  /** Ids of the simulated participants the seed (and `afterSeed`) used. */
  simulated: string[];
}

/**
 * Checks an event definition and runs its seed in memory, touching no store, so that every store
 * creates events the same way and a whole file can be checked first. Seed actions run as the
 * simulated participant named by `as` while each activity is in its kind's first phase (the
 * engine's `setPhase` and `configure` run as the organiser); then each activity moves to the
 * phase its definition names. Fields of errors are paths in the definition (`seed.3.payload.text`).
 */
export function prepareEvent(input: unknown, options: PrepareOptions): PreparedEvent {
  // Checked before it is copied: structuredClone recurses, and a definition nested thousands deep would overflow the stack.
  const definition = structuredClone(checkEventDefinition(input));
  const ledger = ledgerOf(definition);
  const activities = [...ledger.activities.values()].map((entry) => entry.definition);
  const recorded: Change[] = [];
  const run: SetupRun = (activityId, command, payload, viewer) => {
    const { result, changes } = ledger.stamp(activityId, command, payload, { ...viewer, now: options.now, random: options.random });
    ledger.apply(changes);
    recorded.push(...changes);
    return result;
  };
  const simulated = new Map<string, string>();
  const participant = (label: string): string => {
    let id = simulated.get(label);
    if (!id) simulated.set(label, (id = options.newParticipantId()));
    return id;
  };
  (definition.seed ?? []).forEach((seed, index) => {
    const entry = ledger.activities.get(seed.activity);
    if (!entry) {
      throw new OsaError('invalid', `seed.${index}: the event has no activity "${seed.activity}".`, { field: `seed.${index}.activity`, reason: { kind: 'notAllowed' } });
    }
    const engine = (ENGINE_COMMANDS as readonly string[]).includes(seed.command);
    if (!engine && !Object.hasOwn(entry.kind.commands, seed.command)) {
      throw new OsaError('invalid', `seed.${index}: activities of kind "${entry.kind.kind}" have no operation "${seed.command}".`, {
        field: `seed.${index}.command`,
        reason: { kind: 'notAllowed' },
      });
    }
    try {
      run(seed.activity, seed.command, seed.payload, engine ? { organiser: true } : { participant: participant(seed.as), organiser: false });
    } catch (error) {
      throw within(error, `seed.${index}`, 'payload.', 'invalid');
    }
  });
  for (const activity of definition.activities) {
    if (activity.phase !== undefined && activity.phase !== ledger.activity(activity.id).record.phase) {
      run(activity.id, 'setPhase', { phase: activity.phase }, { organiser: true });
    }
  }
  options.afterSeed?.({ ledger, run, participant, seeded: [...simulated.values()] });
  return { definition, activities, ledger, recorded, simulated: [...simulated.values()] };
}
