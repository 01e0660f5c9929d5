import type { AnyKind, CommandSpec } from './activity.js';
import { OsaError } from './errors.js';
import { boardKind } from './board/board.js';
import { workshopsKind } from './workshops/workshops.js';
import { feedbackKind } from './feedback/feedback.js';
import { cloudKind } from './cloud/cloud.js';
import { registerKindView } from './kind-views.js';

/**
 * Every activity kind the library runs. An element's issue adds its kind here; the adapters and
 * the server take it from this registry and need no other change.
 */
export const KINDS = {
  board: boardKind,
  workshops: workshopsKind,
  feedback: feedbackKind,
  cloud: cloudKind,
} as const satisfies Record<string, AnyKind>;

for (const kind of Object.values(KINDS)) registerKindView(kind);

export type KindName = keyof typeof KINDS;

export function kindOf(name: string): AnyKind {
  const kind = Object.hasOwn(KINDS, name) ? (KINDS as Record<string, AnyKind>)[name] : undefined;
  if (!kind) {
    throw new OsaError('invalid', `"kind" must be one of ${Object.keys(KINDS).join(', ')}`, { field: 'kind', reason: { kind: 'notAllowed' } });
  }
  return kind;
}

type CommandsOf<K extends KindName> = (typeof KINDS)[K]['commands'];
/** The operations of a kind, plus the engine's `setPhase` and `configure`. */
export type CommandName<K extends KindName> = (keyof CommandsOf<K> & string) | 'setPhase' | 'configure';
export type PayloadOf<K extends KindName, N extends CommandName<K>> = N extends keyof CommandsOf<K>
  ? CommandsOf<K>[N] extends CommandSpec<never, never, infer P, unknown>
    ? P
    : never
  : N extends 'setPhase'
    ? { phase: (typeof KINDS)[K]['phases'][number] }
    : { config: Partial<(typeof KINDS)[K]['defaultConfig']> };
export type ResultOf<K extends KindName, N extends CommandName<K>> = N extends keyof CommandsOf<K>
  ? CommandsOf<K>[N] extends CommandSpec<never, never, never, infer R>
    ? R
    : never
  : unknown;
export type StateOf<K extends KindName> = ReturnType<(typeof KINDS)[K]['initialState']>;
