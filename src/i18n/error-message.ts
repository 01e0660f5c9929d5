import type { OsaError, ValidationReason } from '../core/errors.js';
import type { Translation } from './en.js';

/** The reason of an `invalid` error in words, e.g. "at most 280 characters". */
export function validationMessage(reason: ValidationReason, t: Translation): string {
  const v = t.validation;
  switch (reason.kind) {
    case 'required':
      return v.required;
    case 'tooShort':
      return v.tooShort(reason.limit);
    case 'tooLong':
      return v.tooLong(reason.limit);
    case 'tooSmall':
      return v.tooSmall(reason.limit);
    case 'tooLarge':
      return v.tooLarge(reason.limit);
    case 'tooMany':
      return v.tooMany(reason.limit);
    case 'notAllowed':
      return v.notAllowed;
    case 'wrongType':
      return v.wrongType;
    case 'unknownField':
      return v.unknownField;
  }
}

/**
 * An error as a sentence for the participant, in the language of `t`. `fieldLabel` turns a
 * field path (`text`, `options.2.label`) into the label the user sees next to it; the path is
 * shown as it is otherwise.
 */
export function errorMessage(error: OsaError, t: Translation, fieldLabel: (field: string) => string = (field) => field): string {
  const e = t.errors;
  switch (error.code) {
    case 'offline':
      return e.offline;
    case 'not_found':
      return e.notFound;
    case 'phase_closed':
      return e.phaseClosed;
    case 'full':
      return e.full;
    case 'rate_limited':
      return e.rateLimited;
    case 'invalid':
      return error.field !== undefined && error.reason !== undefined ? e.invalid(fieldLabel(error.field), validationMessage(error.reason, t)) : e.invalidInput;
    case 'forbidden':
      return e.forbidden;
    case 'conflict':
      return e.conflict;
    case 'origin_refused':
      // The refused origin is always that of the page showing the message (`location.origin` is "null" in a srcdoc frame).
      return e.originRefused(globalThis.origin ?? '');
    case 'unknown':
      return e.unknown;
  }
}
