import { ContextProvider } from '@lit/context';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { OsaElement } from '../../base/osa-element.js';
import { controls, tokens } from '../../theme/tokens.js';
import { OsaError, toOsaError } from '../../core/errors.js';
import type { EventDefinition } from '../../core/event.js';
import { errorMessage } from '../../i18n/error-message.js';
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

/** An event a webmaster wrote into the page for `adapter="local"`: its id, and whether the local back end has it yet. */
interface Declaration {
  id: string | undefined;
  status: 'creating' | 'ready' | 'failed';
  /** Why the definition cannot be used; none when it is not JSON. */
  error?: OsaError;
}

/**
 * Creates a declared event in the local back end unless this browser has it already. The back end
 * checks the whole definition with the core's rules first, so a bad one is refused naming its field
 * (also when an earlier version of the event exists).
 */
async function ensureDeclaredEvent(adapter: OsaAdapter, definition: EventDefinition): Promise<void> {
  try {
    const created = await adapter.createEvent(definition);
    // The only place the key of an in-page event is ever shown: the organiser view opens with #key=… in the address.
    // eslint-disable-next-line no-console -- a notice for the webmaster, not a warning
    console.info(`osallistu: created the event "${created.eventId}" in this browser. Its organiser view opens with #key=${created.organiserKey} in the page address.`);
  } catch (error) {
    if (!(error instanceof OsaError && error.code === 'conflict' && error.field === 'id')) throw error;
  }
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
 * With `adapter="local"`, a `<script type="application/json">` child may declare the event
 * (`{ "id", "title", "activities": [...] }`, the format of `osallistu import`): it is created in
 * this browser when it does not exist there yet, and a definition that cannot be used is shown as a
 * message naming the field instead of the elements.
 *
 * @slot - The activity elements of the event (`osa-priority-board`, `osa-tag-cloud`, …), and for
 * `adapter="local"` the event's definition in a `<script type="application/json">`.
 *
 * @example
 * <osa-event api="https://events.example.fi/api" event="yhr-2026" lang="fi">
 *   <osa-priority-board activity="themes"></osa-priority-board>
 * </osa-event>
 */
export class OsaEvent extends OsaElement {
  static override styles = [tokens, controls, eventStyles];

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
  private declaration: Declaration | undefined;

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

  /** Reads the event declared in a JSON child, once, and creates it in the local back end when needed. */
  private declare(adapter: OsaAdapter): void {
    const script = this.querySelector(':scope > script[type="application/json"]');
    if (!script) return;
    const declaration: Declaration = { id: undefined, status: 'creating' };
    this.declaration = declaration;
    const fail = (error?: OsaError): void => {
      Object.assign(declaration, { status: 'failed', error });
      this.requestUpdate();
    };
    let definition: EventDefinition;
    try {
      definition = JSON.parse(script.textContent ?? '') as EventDefinition;
    } catch {
      return fail();
    }
    declaration.id = typeof definition?.id === 'string' ? definition.id : undefined;
    if (this.event && declaration.id !== this.event) {
      return fail(new OsaError('invalid', `The declared event's id is not "${this.event}".`, { field: 'id', reason: { kind: 'notAllowed' } }));
    }
    ensureDeclaredEvent(adapter, definition).then(
      () => {
        declaration.status = 'ready';
        this.requestUpdate();
      },
      (error: unknown) => fail(toOsaError(error)),
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const adapter = this.resolvedAdapter;
    if (adapter && this.adapter === 'local' && !this.declaration) this.declare(adapter);
    // A declared event is given to the elements once it exists, so that they never see it missing.
    const declared = this.declaration;
    const eventId = declared ? (declared.status === 'ready' ? declared.id : undefined) : this.event || undefined;
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
    const declared = this.declaration;
    if (declared?.status === 'failed') {
      const msg = this.i18n.msg;
      const problem = declared.error ? errorMessage(declared.error, msg) : msg.errors.notJson;
      return html`<div class="message error" role="alert"><p>${msg.errors.eventDefinition(problem)}</p></div>`;
    }
    // A definition may arrive after the element is upgraded (a page still being parsed).
    return html`<slot @slotchange=${() => this.requestUpdate()}></slot>`;
  }
}
