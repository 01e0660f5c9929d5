import { createContext } from '@lit/context';
import type { OsaAdapter } from './types.js';

/**
 * The data adapter, provided by `<osa-event>` to the elements inside it. Keys are registered
 * symbols, so two copies of the library on one page (a CDN bundle beside an npm import) still
 * find each other's provider.
 */
export const adapterContext = createContext<OsaAdapter | undefined>(Symbol.for('osallistu.adapter'));

/** The event id, provided by `<osa-event event="…">`. */
export const eventIdContext = createContext<string | undefined>(Symbol.for('osallistu.event-id'));

/**
 * Changes whenever `<osa-event>` starts acting as someone else (an organiser key given or taken
 * away after the elements loaded): what the caller may see changed, so elements reload.
 */
export const identityContext = createContext<number | undefined>(Symbol.for('osallistu.identity'));
