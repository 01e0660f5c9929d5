/**
 * What the console needs of a back end beyond the contract's required part: the optional
 * organiser operations (`addActivity`, `updateActivity`, `updateEvent`, `rotateOrganiserKey`) and,
 * for an adapter made with an invitation, `checkInvitation`. A back end that lacks one (an adapter
 * of a developer's own) still works in the console: the control that needs it says the server
 * cannot do it.
 */
import { OsaError, type Refusal } from '../../core/errors.js';
import type { OsaAdapter } from '../../adapters/types.js';

export interface InvitationStatus {
  expiresAt?: string;
  usesLeft?: number;
}

export type ConsoleAdapter = OsaAdapter & { checkInvitation?(): Promise<InvitationStatus> };

type Operations = Required<Pick<ConsoleAdapter, 'addActivity' | 'updateActivity' | 'updateEvent' | 'rotateOrganiserKey' | 'checkInvitation'>>;

/** Failure of an operation the back end does not offer; the console words it as "this server cannot do this yet". */
export class NotSupported extends OsaError {
  constructor(name: string) {
    super('unknown', `This back end has no ${name}.`);
  }
}

/** An optional operation of the adapter, or one that fails as `NotSupported`. */
export function operation<K extends keyof Operations>(adapter: ConsoleAdapter, name: K): Operations[K] {
  const found = adapter[name];
  if (typeof found !== 'function') return (() => Promise.reject(new NotSupported(name))) as unknown as Operations[K];
  return (found as (...args: unknown[]) => unknown).bind(adapter) as Operations[K];
}

export function supports(adapter: ConsoleAdapter | undefined, name: keyof Operations): boolean {
  return typeof adapter?.[name] === 'function';
}

/** Why an invitation cannot be used, from the server's refusal; undefined when the failure is not about the invitation (no network). */
export function invitationProblem(error: OsaError): Refusal | undefined {
  if (error.refusal) return error.refusal;
  return error.code === 'forbidden' || error.code === 'not_found' ? 'unknown' : undefined;
}
