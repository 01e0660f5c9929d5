/**
 * Type-level tests, checked by `tsc` (npm run typecheck): a translation missing a key must
 * not compile. Each `@ts-expect-error` fails the type check if the line below it compiles.
 */
import type { Translation } from './en.js';
import { sv } from './sv.js';

const { retry: _dropped, ...commonWithoutRetry } = sv.common;

// @ts-expect-error: `common.retry` is missing from this Swedish translation.
export const svMissingKey: Translation = { ...sv, common: commonWithoutRetry };

// @ts-expect-error: a plural form must be a function of the count, not a string.
export const svPluralAsString: Translation = { ...sv, common: { ...sv.common, pending: 'svar väntar' } };

export const svComplete: Translation = sv;
