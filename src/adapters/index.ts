/**
 * Data adapters: the contract, the back ends (in-page local, http to the reference server), the
 * caching wrapper, and the contexts `<osa-event>` provides. The conformance suite is a separate
 * entry (`./conformance.js`) because it needs a mocha-style test runner.
 */
export type {
  ActivityExport,
  ActivitySnapshot,
  ActivitySummary,
  Change,
  ChangeListener,
  ConnectionStatus,
  CreatedEvent,
  ErrorBody,
  ErrorCode,
  EventDefinition,
  EventInfo,
  LocalizedText,
  OsaAdapter,
  OutboxFailure,
  SendOptions,
  SendResult,
  SubscribeOptions,
  Unsubscribe,
  Viewer,
} from './types.js';
export { OsaError } from './types.js';
export { adapterContext, eventIdContext } from './context.js';
export { foldChanges, changesVisibility } from './fold.js';
export { deviceToken, DEFAULT_DEVICE_STORE } from './device.js';
export { LocalBackend, type LocalBackendOptions } from './local/backend.js';
export { LocalAdapter, createLocalAdapter, type LocalAdapterOptions } from './local/local-adapter.js';
export { LazyAdapter } from './lazy.js';
export { HttpAdapter, createHttpAdapter, apiRoot, type HttpAdapterOptions } from './http/http-adapter.js';
export type { ReconnectPolicy } from './http/event-stream.js';
export { CachedAdapter, withCache, type CacheOptions, type FlushReport, type OutboxEntry } from './cache.js';
