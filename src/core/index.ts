/**
 * The rules of osallistu as pure functions, shared by the in-page adapters and the reference
 * server: the activity engine, validation, idempotency, text normalisation and each kind's rules.
 */
export * from './activity.js';
export * from './errors.js';
export * from './validate.js';
export * from './idempotency.js';
export * from './event.js';
export * from './text.js';
export * from './kinds.js';
export { EventLedger, type LedgerActivity } from './ledger.js';
export * from './board/board.js';
export { flaggedWords } from './board/profanity.js';
export * from './ranking/index.js';
export { toCsv, type CsvCell, type CsvDelimiter } from './csv.js';
