import { ContextProvider } from '@lit/context';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { OsaElement } from '../../base/osa-element.js';
import { tokens } from '../../theme/tokens.js';
import { adapterContext, eventIdContext, identityContext } from '../../adapters/context.js';
import { withCache } from '../../adapters/cache.js';
import { apiRoot, createHttpAdapter } from '../../adapters/http/http-adapter.js';
import { LazyAdapter } from '../../adapters/lazy.js';
import type { OsaAdapter } from '../../adapters/types.js';
import { eventStyles } from './event.styles.js';

/** The IndexedDB database of `adapter="local"`. */
export const LOCAL_DATABASE = 'osallistu-local';

/** One adapter per server (or for the local back end) in a page, shared by every `<osa-event>`. */
const pageAdapters = new Map<string, OsaAdapter>();

function pageAdapter(key: string, create: () => OsaAdapter): OsaAdapter {
  let adapter = pageAdapters.get(key);
  if (!adapter) pageAdapters.set(key, (adapter = create()));
  return adapter;
}

/** The organiser key from the page address's fragment (`#key=…`): a fragment is never sent to a server or kept in its logs. */
function keyFromFragment(): string | undefined {
  const hash = globalThis.location?.hash ?? '';
  return new URLSearchParams(hash.replace(/^#/, '')).get('key') || undefined;
}

/**
 * Provides the data adapter, the event id and (through its `lang` attribute) the language to
 * the elements inside it.
 *
 * @summary The event: where the elements inside it get their data from.
 * @tagname osa-event
 *
 * @slot - The activity elements of the event (`osa-priority-board`, `osa-tag-cloud`, …).
 *
 * @example
 * <osa-event api="https://events.example.fi/api" event="yhr-2026" lang="fi">
 *   <osa-priority-board activity="themes"></osa-priority-board>
 * </osa-event>
 */
export class OsaEvent extends OsaElement {
  static override styles = [tokens, eventStyles];

  /**
   * The reference server's address (its origin, `…/api` or `…/api/v1`): the elements use the http
   * adapter, with an IndexedDB cache and an offline outbox.
   */
  @property({ reflect: true }) api?: string;

  /**
   * `local` runs the event in this browser (kept in IndexedDB, tabs in sync): for kiosks and demos.
   * As a property it also takes an adapter object of your own, which wins over `api`.
   */
  @property({ converter: { fromAttribute: (value: string | null) => value ?? undefined } })
  adapter?: OsaAdapter | 'local';

  /** The event id. */
  @property({ reflect: true }) event?: string;

  /**
   * The organiser key, for organiser views. Not an attribute, so that it never sits in the HTML
   * source; when left out it is read from the page address's fragment, `#key=…` (never from the query string).
   */
  @property({ attribute: false }) organiserKey?: string;

  private readonly adapterProvider = new ContextProvider(this, { context: adapterContext });
  private readonly eventProvider = new ContextProvider(this, { context: eventIdContext });
  private readonly identityProvider = new ContextProvider(this, { context: identityContext, initialValue: 0 });
  private keyed: { adapter: OsaAdapter; eventId: string; key: string | undefined } | undefined;

  private readonly onHashChange = (): void => this.requestUpdate();

  /** The adapter the elements inside get. */
  get resolvedAdapter(): OsaAdapter | undefined {
    if (this.adapter && typeof this.adapter === 'object') return this.adapter;
    if (this.api) {
      const root = apiRoot(this.api);
      return pageAdapter(`http ${root}`, () => withCache(createHttpAdapter({ baseUrl: root }), { name: `osallistu-cache ${root}` }));
    }
    if (this.adapter === 'local') {
      // The in-page back end carries the rules of every kind: fetched only by pages that run an event locally.
      return pageAdapter('local', () => new LazyAdapter(async () => (await import('../../adapters/local/local-adapter.js')).createLocalAdapter({ persist: LOCAL_DATABASE, broadcast: true })));
    }
    return undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener('hashchange', this.onHashChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const adapter = this.resolvedAdapter;
    const eventId = this.event || undefined;
    // The key first, so that elements load the organiser's view from the start.
    if (adapter && eventId) {
      const key = this.organiserKey ?? keyFromFragment();
      const keyed = this.keyed;
      if (!keyed || keyed.adapter !== adapter || keyed.eventId !== eventId || keyed.key !== key) {
        if (keyed && keyed.key !== undefined && (keyed.adapter !== adapter || keyed.eventId !== eventId)) keyed.adapter.setOrganiserKey(keyed.eventId, undefined);
        adapter.setOrganiserKey(eventId, key);
        // The same adapter and event with another key: the elements inside load again as the new caller.
        if (keyed && keyed.adapter === adapter && keyed.eventId === eventId) this.identityProvider.setValue((this.identityProvider.value ?? 0) + 1);
        this.keyed = { adapter, eventId, key };
      }
    }
    if (this.adapterProvider.value !== adapter) this.adapterProvider.setValue(adapter);
    if (this.eventProvider.value !== eventId) this.eventProvider.setValue(eventId);
  }

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
