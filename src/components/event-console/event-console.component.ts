import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { OsaElement } from '../../base/osa-element.js';
import { controls, tokens } from '../../theme/tokens.js';
import { localizedText, type LocalizedText } from '../../core/activity.js';
import { toOsaError, type Refusal as InvitationProblem } from '../../core/errors.js';
import { LANGUAGES, type ActivitySummary, type EventInfo, type Language } from '../../core/protocol.js';
import { apiRoot, createHttpAdapter, type HttpAdapterOptions } from '../../adapters/http/http-adapter.js';
import { errorMessage } from '../../i18n/error-message.js';
import { registerTexts } from '../../i18n/localize.js';
import { consoleTexts } from '../../i18n/event-console/index.js';
import type { ConsoleTranslation } from '../../i18n/event-console/en.js';
import { ELEMENTS } from '../../registry.js';
import '../event/event.js';
import '../join-code/join-code.js';
import { invitationProblem, NotSupported, operation, supports, type ConsoleAdapter } from './console-adapter.js';
import { CopyController } from './copy-controller.js';
import { CreateForm } from './create-form.js';
import { consoleLink, embedSnippet, isSlug, participantLink, presenterLink, readFragment, serverBase, suggestSlug, type ActivityAddress } from './links.js';
import { RememberedEvents } from './remembered.js';
import { ACTIVITY_KINDS, activityTemplate, KIND_ELEMENTS, type ActivityKindName } from './templates.js';
import { consoleStyles } from './event-console.styles.js';

declare module '../../base/events.js' {
  interface OsaEventDetailMap {
    'osa-event-created': { eventId: string };
    'osa-event-opened': { eventId: string };
  }
}

type Screen = 'start' | 'create' | 'created' | 'event';
type EventTab = 'activities' | 'runOfShow' | 'report' | 'settings';
type ActivityPanel = 'share' | 'settings' | 'title';

interface Notice {
  kind: 'error' | 'success';
  text: string;
}

interface Invitation {
  token: string;
  status: 'checking' | 'valid' | 'refused' | 'unchecked';
  problem?: InvitationProblem;
  expiresAt?: string;
  usesLeft?: number;
}

interface OpenedEvent {
  info: EventInfo;
  organiserKey: string;
}

/** The element of each part of the event screen that another folder builds. */
const SECTION_ELEMENTS = { runOfShow: 'osa-run-of-show', report: 'osa-event-report' } as const;

/** One http adapter per server in the page: the console and the elements inside it share it (and its organiser keys). */
const serverAdapters = new Map<string, ConsoleAdapter>();

/** A refusal the console words itself (a wrong key, an id in use): its message is already in the user's language. */
class Refusal extends Error {}

const kindName = (kind: string): kind is ActivityKindName => (ACTIVITY_KINDS as readonly string[]).includes(kind);

/**
 * The organiser console: create an event from a template (with the operator's admin token, or an
 * invitation link `#invite=…`), open an event with its organiser key (`#event=…&key=…`, or the
 * events this browser remembers), add and rename activities, edit each one's settings in its own
 * organiser view, share it (participant and presenter links, a QR code, the snippet for a CMS page),
 * run the day (run of show, report) and rotate the organiser key. The reference server serves it at
 * `/console/`.
 *
 * Keys and invitations are read only from the address fragment, which never reaches a server's logs;
 * the console removes an organiser key from the address once it has read it.
 *
 * @summary The organiser's console: create, share and run an event in the browser.
 * @tagname osa-event-console
 *
 * @event osa-event-created - An event was created. `detail: { eventId }`
 * @event osa-event-opened - An event was opened with a valid organiser key. `detail: { eventId }`
 *
 * @csspart header - The bar with the product name.
 * @csspart main - The content of the current screen.
 * @csspart card - Each card (an event, an activity, a form).
 *
 * @cssproperty --osa-event-console-max-width - Width of the content at most. Defaults to 1200px.
 * @cssproperty --osa-event-console-background - Background behind the cards. Defaults to `--osa-color-surface-raised`.
 */
export class OsaEventConsole extends OsaElement {
  static {
    registerTexts(consoleTexts);
  }

  static override styles = [tokens, controls, consoleStyles];

  /** The reference server: its origin, `…/api` or `…/api/v1`; `/` is the server that serves the page. */
  @property({ reflect: true }) api = '/';

  /** A data adapter of your own (or the in-page one, for a demo without a server); overrides `api` for every request. */
  @property({ attribute: false }) adapter?: ConsoleAdapter;

  @state() private screen: Screen = 'start';
  @state() private opened: OpenedEvent | undefined;
  @state() private notice: Notice | undefined;
  @state() private busy: string | undefined;
  @state() private invitation: Invitation | undefined;
  @state() private created: { eventId: string; organiserKey: string; title: LocalizedText } | undefined;
  @state() private tab: EventTab = 'activities';
  @state() private selected: string | undefined;
  @state() private panel: ActivityPanel = 'share';
  @state() private confirmingRotation = false;
  @state() private newKey: string | undefined;
  @state() private offline = globalThis.navigator?.onLine === false;
  @state() private addDraft = { kind: 'board' as ActivityKindName, title: '', id: '', idTyped: false };
  @state() private titleDraft: Partial<Record<Language, string>> = {};
  @state() private eventDraft: Partial<Record<Language, string>> = {};

  /** @internal */
  readonly form = new CreateForm(this);
  /** @internal */
  readonly copies = new CopyController(this);
  private readonly remembered = new RememberedEvents();
  private readonly requested = new Set<string>();

  private readonly onConnection = (): void => {
    this.offline = globalThis.navigator?.onLine === false;
  };
  private readonly onHashChange = (): void => this.readAddress();

  /** @internal */
  get language(): Language {
    return this.i18n.language;
  }

  /** @internal */
  get t(): ConsoleTranslation {
    return this.i18n.msg.console;
  }

  /** The server's address, for links and the snippet. */
  get serverUrl(): string {
    return serverBase(this.api);
  }

  private get data(): ConsoleAdapter {
    if (this.adapter) return this.adapter;
    const root = apiRoot(new URL(this.api, globalThis.location.href).href);
    let adapter = serverAdapters.get(root);
    if (!adapter) serverAdapters.set(root, (adapter = createHttpAdapter({ baseUrl: root })));
    return adapter;
  }

  /** An adapter that carries the credentials for creating an event. */
  private creator(): ConsoleAdapter {
    if (this.adapter) return this.adapter;
    const options: HttpAdapterOptions & { invitation?: string } = { baseUrl: apiRoot(new URL(this.api, globalThis.location.href).href) };
    if (this.invitation) options.invitation = this.invitation.token;
    else options.adminToken = this.form.token.trim();
    return createHttpAdapter(options);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener('online', this.onConnection);
    globalThis.addEventListener('offline', this.onConnection);
    globalThis.addEventListener('hashchange', this.onHashChange);
    this.readAddress();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener('online', this.onConnection);
    globalThis.removeEventListener('offline', this.onConnection);
    globalThis.removeEventListener('hashchange', this.onHashChange);
  }

  /** Acts on `#invite=…` or `#event=…&key=…`; the key leaves the address at once (it stays in this browser's list). */
  private readAddress(): void {
    const fragment = readFragment(globalThis.location?.hash ?? '');
    if (!fragment) return;
    if ('invitation' in fragment) {
      if (this.invitation?.token === fragment.invitation) return;
      this.invitation = { token: fragment.invitation, status: 'checking' };
      this.showCreate();
      void this.checkInvitation();
      return;
    }
    globalThis.history?.replaceState(null, '', `${globalThis.location.pathname}${globalThis.location.search}`);
    void this.openEvent(fragment.eventId, fragment.organiserKey);
  }

  private async checkInvitation(): Promise<void> {
    const invitation = this.invitation;
    if (!invitation) return;
    const creator = this.creator();
    if (!supports(creator, 'checkInvitation')) {
      this.invitation = { ...invitation, status: 'unchecked' };
      return;
    }
    try {
      const status = await operation(creator, 'checkInvitation')();
      this.invitation = { ...invitation, status: 'valid', expiresAt: status.expiresAt, usesLeft: status.usesLeft };
    } catch (error) {
      const problem = invitationProblem(toOsaError(error));
      if (problem) this.invitation = { ...invitation, status: 'refused', problem };
      else {
        this.invitation = { ...invitation, status: 'unchecked' };
        this.notice = { kind: 'error', text: this.errorText(error) };
      }
    }
  }

  /** A failure in the user's language, naming the field where there is one. */
  private errorText(error: unknown): string {
    if (error instanceof Refusal) return error.message;
    if (error instanceof NotSupported) return this.t.errors.notSupported;
    const failure = toOsaError(error);
    const labels: Record<string, string> = { id: this.t.create.id, title: this.t.create.title, languages: this.t.create.languages };
    return errorMessage(failure, this.i18n.msg, (field) => labels[field] ?? field);
  }

  private async run(name: string, work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = name;
    this.notice = undefined;
    try {
      await work();
    } catch (error) {
      this.notice = { kind: 'error', text: this.errorText(error) };
    } finally {
      this.busy = undefined;
    }
  }

  // ------------------------------------------------------------------ actions

  private showStart(): void {
    this.screen = 'start';
    this.notice = undefined;
    this.newKey = undefined;
    this.confirmingRotation = false;
  }

  private showCreate(): void {
    this.form.reset();
    this.screen = 'create';
    this.notice = undefined;
  }

  /** Opens an event after checking that the key is its organiser key; then remembers it in this browser. */
  async openEvent(eventId: string, organiserKey: string): Promise<void> {
    await this.run('open', async () => {
      const adapter = this.data;
      adapter.setOrganiserKey(eventId, organiserKey);
      let info: EventInfo | undefined;
      let organiser = false;
      try {
        info = await adapter.getEvent(eventId);
        organiser = (await adapter.whoami(eventId)).organiser;
      } catch (error) {
        const failure = toOsaError(error);
        if (failure.code === 'not_found') throw new Refusal(this.t.errors.eventNotFound);
        // A key that cannot be a key at all (wrong length or characters) is refused as the request's header.
        if (failure.code === 'invalid' && /organiser/i.test(failure.field ?? '')) organiser = false;
        else throw error;
      }
      if (!info || !organiser) {
        adapter.setOrganiserKey(eventId, undefined);
        throw new Refusal(this.t.errors.wrongKey);
      }
      this.remembered.remember({ server: this.serverUrl, id: eventId, title: info.title, organiserKey });
      this.showEvent({ info, organiserKey });
      this.emit('osa-event-opened', { eventId });
    });
  }

  private showEvent(opened: OpenedEvent): void {
    this.opened = opened;
    this.screen = 'event';
    this.tab = 'activities';
    this.selected = opened.info.activities[0]?.id;
    this.panel = 'share';
    this.newKey = undefined;
    this.confirmingRotation = false;
    this.eventDraft = {};
  }

  private async createEvent(event: Event): Promise<void> {
    event.preventDefault();
    const needsToken = !this.adapter && !this.invitation;
    if (!this.form.check(needsToken)) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const definition = this.form.definition();
    await this.run('create', async () => {
      let created;
      try {
        created = await this.creator().createEvent(definition);
      } catch (error) {
        const failure = toOsaError(error);
        if (failure.code === 'forbidden' && this.invitation) {
          this.invitation = { ...this.invitation, status: 'refused', problem: invitationProblem(failure) ?? 'unknown' };
          return;
        }
        if (failure.code === 'forbidden') return this.form.report({ field: 'token', text: this.t.errors.adminToken });
        if (failure.code === 'conflict') return this.form.report({ field: 'id', text: this.t.errors.idTaken });
        if (failure.code === 'invalid' && failure.field === 'id') return this.form.report({ field: 'id', text: this.t.errors.idInvalid });
        throw failure;
      }
      this.remembered.remember({ server: this.serverUrl, id: created.eventId, title: definition.title, organiserKey: created.organiserKey });
      this.created = { eventId: created.eventId, organiserKey: created.organiserKey, title: definition.title };
      this.form.token = '';
      this.screen = 'created';
      this.emit('osa-event-created', { eventId: created.eventId });
    });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.screen === 'created' ? '#created-heading' : '[aria-invalid="true"], .notice')?.focus();
  }

  private async continueToEvent(): Promise<void> {
    const created = this.created;
    if (!created) return;
    this.created = undefined;
    await this.openEvent(created.eventId, created.organiserKey);
  }

  private forget(id: string, title: string): void {
    this.remembered.forget(this.serverUrl, id);
    this.notice = { kind: 'success', text: this.t.start.forgotten(title) };
  }

  private async addActivity(event: Event): Promise<void> {
    event.preventDefault();
    const opened = this.opened;
    if (!opened) return;
    const draft = this.addDraft;
    const title = draft.title.trim();
    if (!title) {
      this.notice = { kind: 'error', text: this.t.errors.field(this.t.add.title, this.i18n.msg.validation.required) };
      return;
    }
    if (!isSlug(draft.id)) {
      this.notice = { kind: 'error', text: this.t.errors.field(this.t.add.id, this.t.errors.idInvalid) };
      return;
    }
    const localized = { [this.eventLanguage(opened.info)]: title };
    await this.run('add', async () => {
      try {
        const info = await operation(this.data, 'addActivity')(opened.info.id, activityTemplate(draft.kind, draft.id, localized));
        this.opened = { ...opened, info };
      } catch (error) {
        if (toOsaError(error).code === 'conflict') throw new Refusal(this.t.errors.idTaken);
        throw error;
      }
      this.selected = draft.id;
      this.panel = 'settings';
      this.addDraft = { kind: draft.kind, title: '', id: '', idTyped: false };
      this.notice = { kind: 'success', text: this.t.add.added(title) };
    });
  }

  private async renameActivity(event: Event, activity: ActivitySummary): Promise<void> {
    event.preventDefault();
    const opened = this.opened;
    if (!opened) return;
    const title = this.titleOf(activity.title, this.titleDraft);
    if (Object.keys(title).length === 0) {
      this.notice = { kind: 'error', text: this.t.errors.titleRequired };
      return;
    }
    await this.run('rename', async () => {
      const info = await operation(this.data, 'updateActivity')(opened.info.id, activity.id, { title });
      this.opened = { ...opened, info };
      this.titleDraft = {};
      this.notice = { kind: 'success', text: this.t.rename.saved };
    });
  }

  private async saveEvent(event: Event): Promise<void> {
    event.preventDefault();
    const opened = this.opened;
    if (!opened) return;
    const title = this.titleOf(opened.info.title, this.eventDraft);
    if (Object.keys(title).length === 0) {
      this.notice = { kind: 'error', text: this.t.errors.titleRequired };
      return;
    }
    await this.run('event', async () => {
      const info = await operation(this.data, 'updateEvent')(opened.info.id, { title });
      this.opened = { ...opened, info };
      this.remembered.remember({ server: this.serverUrl, id: info.id, title: info.title, organiserKey: opened.organiserKey });
      this.eventDraft = {};
      this.notice = { kind: 'success', text: this.t.settings.saved };
    });
  }

  private async rotateKey(): Promise<void> {
    const opened = this.opened;
    if (!opened) return;
    await this.run('rotate', async () => {
      const { organiserKey } = await operation(this.data, 'rotateOrganiserKey')(opened.info.id);
      this.data.setOrganiserKey(opened.info.id, organiserKey);
      this.remembered.remember({ server: this.serverUrl, id: opened.info.id, title: opened.info.title, organiserKey });
      this.opened = { ...opened, organiserKey };
      this.newKey = organiserKey;
      this.confirmingRotation = false;
    });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.newKey ? '#new-key-heading' : '.notice')?.focus();
  }

  /** A title from the fields of a form over the current one: only the languages with text. */
  private titleOf(current: LocalizedText, draft: Partial<Record<Language, string>>): Partial<Record<Language, string>> {
    const entries = LANGUAGES.map((language) => [language, (draft[language] ?? (typeof current === 'string' ? (language === this.language ? current : '') : (current[language] ?? ''))).trim()] as const);
    return Object.fromEntries(entries.filter(([, text]) => text));
  }

  /** The language links and snippets use: the console's when the event offers it, else the event's first. */
  private eventLanguage(info: EventInfo): Language {
    return info.languages.includes(this.language) ? this.language : (info.languages[0] ?? this.language);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Elements the console shows are fetched the first time they appear, like the loader does in a page.
    for (const element of this.renderRoot.querySelectorAll(':not(:defined)')) {
      const tag = element.localName;
      if (this.requested.has(tag) || !Object.hasOwn(ELEMENTS, tag)) continue;
      this.requested.add(tag);
      ELEMENTS[tag as keyof typeof ELEMENTS]().catch((error: unknown) => {
        this.requested.delete(tag);
        console.error(`osallistu: could not load <${tag}>`, error);
      });
    }
  }

  // ------------------------------------------------------------------ rendering

  override render(): TemplateResult {
    const t = this.t;
    return html`<div class="console">
      <div class="bar" part="header">
        <span class="brand" aria-hidden="true">osallistu</span>
        <span class="product">${t.product}</span>
      </div>
      ${this.offline ? html`<div class="message warning offline" role="status">${t.offline}</div>` : nothing}
      <div class="main" part="main">${this.renderScreen()}</div>
    </div>`;
  }

  private renderScreen(): TemplateResult {
    switch (this.screen) {
      case 'start':
        return this.renderStart();
      case 'create':
        return this.renderCreate();
      case 'created':
        return this.renderCreated();
      case 'event':
        return this.renderEvent();
    }
  }

  private renderNotice(): TemplateResult | typeof nothing {
    if (this.busy && this.busy !== 'open' && this.busy !== 'create') return html`<p class="loading" role="status" aria-busy="true">${this.t.saving}</p>`;
    const notice = this.notice;
    if (!notice) return nothing;
    return notice.kind === 'error'
      ? html`<div class="message error notice" role="alert" tabindex="-1"><p>${notice.text}</p></div>`
      : html`<div class="message success notice" role="status" tabindex="-1"><p>${notice.text}</p></div>`;
  }

  private renderStart(): TemplateResult {
    const t = this.t;
    const events = this.remembered.list(this.serverUrl);
    const opening = this.busy === 'open';
    return html`
      <div class="intro">
        <h1>${t.product}</h1>
        <p class="lead">${t.lead}</p>
        <button type="button" class="primary big" @click=${() => this.showCreate()}>${t.start.create}</button>
      </div>
      ${this.renderNotice()} ${opening ? html`<p class="loading" role="status" aria-busy="true">${t.event.loading}</p>` : nothing}
      <div class="start-grid">
        <section class="card" part="card" aria-labelledby="events-heading">
          <h2 id="events-heading">${t.start.heading}</h2>
          ${events.length === 0
            ? html`<p class="empty">${t.start.empty}</p>`
            : html`<ul class="event-list">
                ${events.map((entry) => {
                  const title = localizedText(entry.title, this.language) || entry.id;
                  return html`<li class="event-item">
                    <div class="event-name">
                      <span class="title">${title}</span>
                      <code class="id">${entry.id}</code>
                    </div>
                    <div class="actions">
                      <button type="button" class="primary" aria-label=${t.start.openLabel(title)} ?disabled=${Boolean(this.busy)} @click=${() => this.openEvent(entry.id, entry.organiserKey)}>${t.start.open}</button>
                      <button type="button" aria-label=${t.start.forgetLabel(title)} @click=${() => this.forget(entry.id, title)}>${t.start.forget}</button>
                    </div>
                  </li>`;
                })}
              </ul>`}
        </section>
        <section class="card" part="card" aria-labelledby="open-heading">
          <h2 id="open-heading">${t.start.openHeading}</h2>
          <p class="hint">${t.start.openLead}</p>
          <form
            class="stack"
            @submit=${(event: Event) => {
              event.preventDefault();
              const form = event.target as HTMLFormElement;
              const id = (form.elements.namedItem('open-id') as HTMLInputElement).value.trim();
              const key = (form.elements.namedItem('open-key') as HTMLInputElement).value.trim();
              if (!id || !key) {
                this.notice = { kind: 'error', text: this.t.errors.field(id ? t.start.organiserKey : t.start.eventId, this.i18n.msg.validation.required) };
                return;
              }
              void this.openEvent(id, key);
            }}
          >
            <div class="field">
              <label for="open-id">${t.start.eventId}</label>
              <input id="open-id" name="open-id" autocomplete="off" spellcheck="false" required />
            </div>
            <div class="field">
              <label for="open-key">${t.start.organiserKey}</label>
              <input id="open-key" name="open-key" type="password" autocomplete="off" required />
            </div>
            <div><button type="submit" ?disabled=${Boolean(this.busy)}>${t.start.openSubmit}</button></div>
          </form>
        </section>
      </div>
    `;
  }

  private renderInvitation(): TemplateResult | typeof nothing {
    const invitation = this.invitation;
    const t = this.t.invitation;
    if (!invitation) return nothing;
    switch (invitation.status) {
      case 'checking':
        return html`<p class="loading" role="status" aria-busy="true">${t.checking}</p>`;
      case 'valid': {
        const until = invitation.expiresAt === undefined ? undefined : this.i18n.format.date(invitation.expiresAt, { dateStyle: 'long', timeStyle: 'short' });
        return html`<div class="message success" role="status"><p>${t.valid(until, invitation.usesLeft)}</p></div>`;
      }
      case 'refused':
        return html`<div class="message error" role="alert"><p>${t[invitation.problem ?? 'unknown']}</p></div>`;
      case 'unchecked':
        return html`<div class="message" role="status"><p>${t.valid(undefined, undefined)}</p></div>`;
    }
  }

  private renderCreate(): TemplateResult {
    const t = this.t;
    const creating = this.busy === 'create';
    const refused = this.invitation?.status === 'refused';
    const credentials = this.adapter || this.invitation ? nothing : this.form.renderToken();
    return html`
      <nav class="crumbs"><button type="button" class="link" @click=${() => this.showStart()}>← ${t.event.allEvents}</button></nav>
      <h1>${t.create.heading}</h1>
      ${this.renderInvitation()} ${this.renderNotice()}
      <form class="card create stack" part="card" novalidate aria-labelledby="create-submit" @submit=${(event: Event) => this.createEvent(event)}>
        ${this.form.render(credentials)}
        <div class="actions">
          <button type="submit" id="create-submit" class="primary" ?disabled=${creating || refused || this.invitation?.status === 'checking'}>${t.create.submit}</button>
          <button type="button" @click=${() => this.showStart()}>${t.create.cancel}</button>
        </div>
        ${creating ? html`<p class="loading" role="status" aria-busy="true">${t.create.creating}</p>` : nothing}
      </form>
    `;
  }

  private renderCopyField(id: string, label: string, value: string, options: { hint?: string; multiline?: boolean; secret?: boolean; open?: boolean } = {}): TemplateResult {
    const t = this.t;
    const copied = this.copies.copied === id;
    const failed = this.copies.failed === id;
    const hintId = options.hint ? `${id}-hint` : '';
    const field = options.multiline
      ? html`<textarea id=${id} readonly rows="5" spellcheck="false" aria-describedby=${hintId || nothing} .value=${value}></textarea>`
      : html`<input id=${id} readonly spellcheck="false" aria-describedby=${hintId || nothing} .value=${value} class=${options.secret ? 'secret' : ''} />`;
    return html`<div class="copy-field">
      <label for=${id}>${label}</label>
      ${options.hint ? html`<p class="hint" id=${hintId}>${options.hint}</p>` : nothing}
      <div class="copy-row">
        ${field}
        <button
          type="button"
          class=${copied ? 'copied' : ''}
          aria-label=${copied ? `${t.copied}: ${label}` : `${t.copy}: ${label}`}
          @click=${() => this.copies.copy(id, value, this.renderRoot.querySelector<HTMLInputElement>(`#${id}`))}
        >
          ${copied ? `✓ ${t.copied}` : t.copy}
        </button>
        ${options.open ? html`<a class="button" href=${value} target="_blank" rel="noopener" aria-label=${t.share.open(label)}>↗</a>` : nothing}
      </div>
      <p class="visually-hidden" role="status">${copied ? t.copied : ''}</p>
      ${failed ? html`<p class="field-error" role="alert">${t.copyFailed}</p>` : nothing}
    </div>`;
  }

  private renderCreated(): TemplateResult {
    const created = this.created;
    if (!created) return this.renderStart();
    const t = this.t;
    const title = localizedText(created.title, this.language) || created.eventId;
    return html`
      <section class="card created" part="card" aria-labelledby="created-heading">
        <h1 id="created-heading" tabindex="-1">${t.created.heading(title)}</h1>
        <div class="message warning key-warning"><p><strong>${t.created.warning}</strong></p></div>
        ${this.renderCopyField('created-key', t.created.key, created.organiserKey, { secret: true })}
        ${this.renderCopyField('created-link', t.created.consoleLink, consoleLink(this.serverUrl, created.eventId, created.organiserKey))}
        <div class="actions"><button type="button" class="primary" @click=${() => this.continueToEvent()}>${t.created.continue}</button></div>
        ${this.renderNotice()}
      </section>
    `;
  }

  private renderTabs<T extends string>(id: string, label: string, tabs: Array<[T, string]>, current: T, select: (tab: T) => void): TemplateResult {
    const onKey = (event: KeyboardEvent) => {
      const keys = ['ArrowRight', 'ArrowLeft', 'Home', 'End'];
      if (!keys.includes(event.key)) return;
      event.preventDefault();
      const index = tabs.findIndex(([name]) => name === current);
      const rtl = this.i18n.dir === 'rtl';
      const step = (event.key === 'ArrowRight') !== rtl ? 1 : -1;
      const next = event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : (index + step + tabs.length) % tabs.length;
      select(tabs[next][0]);
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${id}-${tabs[next][0]}`)?.focus());
    };
    return html`<div class="tabs" role="tablist" aria-label=${label} @keydown=${onKey}>
      ${tabs.map(
        ([name, text]) => html`<button
          type="button"
          role="tab"
          id="${id}-${name}"
          aria-selected=${name === current ? 'true' : 'false'}
          aria-controls="${id}-panel"
          tabindex=${name === current ? 0 : -1}
          @click=${() => select(name)}
        >
          ${text}
        </button>`,
      )}
    </div>`;
  }

  private renderEvent(): TemplateResult {
    const opened = this.opened;
    if (!opened) return this.renderStart();
    const t = this.t;
    const info = opened.info;
    const title = localizedText(info.title, this.language) || info.id;
    const tabs: Array<[EventTab, string]> = [
      ['activities', t.event.tabs.activities],
      ['runOfShow', t.event.tabs.runOfShow],
      ['report', t.event.tabs.report],
      ['settings', t.event.tabs.settings],
    ];
    return html`
      <nav class="crumbs"><button type="button" class="link" @click=${() => this.showStart()}>← ${t.event.allEvents}</button></nav>
      <div class="event-head">
        <h1>${title}</h1>
        <p class="meta"><code class="id">${info.id}</code> · ${this.i18n.msg.common.list(info.languages.map((code) => t.languageNames[code]))}</p>
      </div>
      ${this.renderTabs(
        'event-tab',
        t.event.tabsLabel,
        tabs,
        this.tab,
        (tab) => {
          this.tab = tab;
          this.notice = undefined;
        },
      )}
      <div class="tab-panel" role="tabpanel" id="event-tab-panel" aria-labelledby="event-tab-${this.tab}">
        ${this.renderNotice()}
        ${this.tab === 'activities'
          ? this.renderActivities(opened)
          : this.tab === 'settings'
            ? this.renderSettings(opened)
            : this.renderSection(opened, SECTION_ELEMENTS[this.tab])}
      </div>
    `;
  }

  /** An element of the event (its organiser view, the run of show, the report) inside an `<osa-event>` that carries the key. */
  private inEvent(opened: OpenedEvent, content: TemplateResult): TemplateResult {
    return html`<osa-event .adapter=${this.data} event=${opened.info.id} .organiserKey=${opened.organiserKey} lang=${this.language}>${content}</osa-event>`;
  }

  private renderSection(opened: OpenedEvent, tag: string): TemplateResult {
    if (!Object.hasOwn(ELEMENTS, tag)) return html`<p class="message">${this.t.event.unavailable}</p>`;
    return html`<div class="card section" part="card">
      ${this.inEvent(opened, tag === 'osa-run-of-show' ? html`<osa-run-of-show></osa-run-of-show>` : html`<osa-event-report></osa-event-report>`)}
    </div>`;
  }

  private renderActivities(opened: OpenedEvent): TemplateResult {
    const t = this.t;
    const activities = opened.info.activities;
    const selected = activities.find((activity) => activity.id === this.selected);
    return html`<div class="event-grid">
      <div class="column">
        <section class="card" part="card" aria-labelledby="activities-heading">
          <h2 id="activities-heading">${t.event.activities}</h2>
          ${activities.length === 0
            ? html`<p class="empty">${t.event.none}</p>`
            : html`<ul class="activity-list">
                ${activities.map((activity) => {
                  const title = localizedText(activity.title, this.language) || activity.id;
                  const kind = t.kinds[activity.kind] ?? activity.kind;
                  const phase = t.phases[activity.phase] ?? activity.phase;
                  return html`<li>
                    <button
                      type="button"
                      class="activity"
                      aria-pressed=${activity.id === this.selected ? 'true' : 'false'}
                      @click=${() => {
                        this.selected = activity.id;
                        this.titleDraft = {};
                        this.notice = undefined;
                      }}
                    >
                      <span class="kind-icon kind-${activity.kind}" aria-hidden="true"></span>
                      <span class="activity-text">
                        <span class="title">${title}</span>
                        <span class="chips"><span class="chip">${kind}</span><span class="chip phase phase-${activity.phase}">${phase}</span></span>
                      </span>
                    </button>
                  </li>`;
                })}
              </ul>`}
        </section>
        ${this.renderAdd()}
      </div>
      <div class="column wide">${selected ? this.renderActivity(opened, selected) : html`<p class="card empty">${t.event.choose}</p>`}</div>
    </div>`;
  }

  private renderAdd(): TemplateResult {
    const t = this.t;
    const draft = this.addDraft;
    return html`<section class="card" part="card" aria-labelledby="add-heading">
      <h2 id="add-heading">${t.add.heading}</h2>
      <form class="stack" novalidate @submit=${(event: Event) => this.addActivity(event)}>
        <div class="field">
          <label for="add-kind">${t.add.kind}</label>
          <select id="add-kind" @change=${(event: Event) => (this.addDraft = { ...draft, kind: (event.target as HTMLSelectElement).value as ActivityKindName })}>
            ${ACTIVITY_KINDS.map((kind) => html`<option value=${kind} ?selected=${draft.kind === kind}>${t.kinds[kind]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="add-title">${t.add.title}</label>
          <input
            id="add-title"
            maxlength="300"
            .value=${draft.title}
            @input=${(event: Event) => {
              const title = (event.target as HTMLInputElement).value;
              this.addDraft = { ...this.addDraft, title, id: this.addDraft.idTyped ? this.addDraft.id : suggestSlug(title) };
            }}
          />
        </div>
        <div class="field">
          <label for="add-id">${t.add.id}</label>
          <input
            id="add-id"
            autocomplete="off"
            spellcheck="false"
            maxlength="64"
            aria-describedby="add-id-hint"
            .value=${draft.id}
            @input=${(event: Event) => {
              const id = (event.target as HTMLInputElement).value.trim();
              this.addDraft = { ...this.addDraft, id, idTyped: id !== '' };
            }}
          />
          <p class="hint" id="add-id-hint">${t.create.idHint}</p>
        </div>
        <div><button type="submit" ?disabled=${this.busy === 'add'}>${t.add.submit}</button></div>
      </form>
    </section>`;
  }

  private renderActivity(opened: OpenedEvent, activity: ActivitySummary): TemplateResult {
    const t = this.t;
    const title = localizedText(activity.title, this.language) || activity.id;
    const panels: Array<[ActivityPanel, string]> = [
      ['share', t.event.panels.share],
      ['settings', t.event.panels.settings],
      ['title', t.event.panels.title],
    ];
    return html`<section class="card detail" part="card" aria-labelledby="detail-heading">
      <h2 id="detail-heading">${title}</h2>
      <p class="meta">${t.kinds[activity.kind] ?? activity.kind} · <code class="id">${activity.id}</code></p>
      ${this.renderTabs('panel', t.event.panelsLabel(title), panels, this.panel, (panel) => (this.panel = panel))}
      <div class="panel" role="tabpanel" id="panel-panel" aria-labelledby="panel-${this.panel}">
        ${this.panel === 'share' ? this.renderShare(opened, activity) : this.panel === 'settings' ? this.renderOrganiserView(opened, activity) : this.renderRename(opened, activity)}
      </div>
    </section>`;
  }

  private address(opened: OpenedEvent, activity: ActivitySummary): ActivityAddress {
    return { base: this.serverUrl, eventId: opened.info.id, activityId: activity.id, lang: this.eventLanguage(opened.info) };
  }

  private renderShare(opened: OpenedEvent, activity: ActivitySummary): TemplateResult {
    const t = this.t.share;
    const address = this.address(opened, activity);
    const participant = participantLink(address);
    return html`<div class="share">
      <div class="share-links">
        ${this.renderCopyField('share-participant', t.participant, participant, { hint: t.participantHint, open: true })}
        ${this.renderCopyField('share-presenter', t.presenter, presenterLink(address, opened.organiserKey), { hint: t.presenterHint, open: true })}
        ${this.renderCopyField('share-snippet', t.snippet, embedSnippet(address, activity.kind), { hint: t.snippetHint, multiline: true })}
      </div>
      <figure class="qr">
        <osa-join-code url=${participant} lang=${address.lang}></osa-join-code>
      </figure>
    </div>`;
  }

  private renderOrganiserView(opened: OpenedEvent, activity: ActivitySummary): TemplateResult {
    if (!kindName(activity.kind)) return html`<p class="message">${this.t.event.unavailable}</p>`;
    const id = activity.id;
    const views: Record<ActivityKindName, TemplateResult> = {
      board: html`<osa-priority-board activity=${id} view="organiser"></osa-priority-board>`,
      workshops: html`<osa-workshop-picker activity=${id} view="organiser"></osa-workshop-picker>`,
      feedback: html`<osa-feedback-form activity=${id} view="results"></osa-feedback-form>`,
      cloud: html`<osa-tag-cloud activity=${id} view="organiser"></osa-tag-cloud>`,
    };
    return html`<div class="organiser-view" data-element=${KIND_ELEMENTS[activity.kind]}>${this.inEvent(opened, views[activity.kind])}</div>`;
  }

  private renderTitleFields(prefix: string, languages: readonly Language[], current: LocalizedText, draft: Partial<Record<Language, string>>, change: (language: Language, value: string) => void): TemplateResult[] {
    return languages.map((code) => {
      const value = draft[code] ?? (typeof current === 'string' ? (code === languages[0] ? current : '') : (current[code] ?? ''));
      return html`<div class="field">
        <label for="${prefix}-${code}">${this.t.create.titleIn(this.t.languageNames[code])}</label>
        <input id="${prefix}-${code}" lang=${code} maxlength="300" .value=${value} @input=${(event: Event) => change(code, (event.target as HTMLInputElement).value)} />
      </div>`;
    });
  }

  private renderRename(opened: OpenedEvent, activity: ActivitySummary): TemplateResult {
    const t = this.t;
    return html`<form class="stack" novalidate @submit=${(event: Event) => this.renameActivity(event, activity)}>
      <fieldset>
        <legend>${t.rename.legend}</legend>
        <div class="title-grid">${this.renderTitleFields('rename', this.orderedLanguages(opened.info), activity.title, this.titleDraft, (code, value) => (this.titleDraft = { ...this.titleDraft, [code]: value }))}</div>
      </fieldset>
      <div><button type="submit" class="primary" ?disabled=${this.busy === 'rename'}>${t.rename.submit}</button></div>
    </form>`;
  }

  /** The event's languages, the console's first; then the others, so a title can be added in any. */
  private orderedLanguages(info: EventInfo): Language[] {
    const first = this.eventLanguage(info);
    return [first, ...info.languages.filter((code) => code !== first), ...LANGUAGES.filter((code) => code !== first && !info.languages.includes(code))];
  }

  private renderSettings(opened: OpenedEvent): TemplateResult {
    const t = this.t.settings;
    return html`<div class="settings-grid">
      <section class="card" part="card" aria-labelledby="event-title-heading">
        <h2 id="event-title-heading">${t.eventTitle}</h2>
        <form class="stack" novalidate @submit=${(event: Event) => this.saveEvent(event)}>
          <div class="title-grid">${this.renderTitleFields('event-title', this.orderedLanguages(opened.info), opened.info.title, this.eventDraft, (code, value) => (this.eventDraft = { ...this.eventDraft, [code]: value }))}</div>
          <div><button type="submit" class="primary" ?disabled=${this.busy === 'event'}>${t.save}</button></div>
        </form>
      </section>
      <section class="card" part="card" aria-labelledby="key-heading">
        <h2 id="key-heading">${t.keyHeading}</h2>
        <p>${t.keyLead}</p>
        ${this.newKey
          ? html`<div class="new-key">
              <h3 id="new-key-heading" tabindex="-1">${t.newKey}</h3>
              <div class="message warning key-warning"><p><strong>${t.newKeyWarning}</strong></p></div>
              ${this.renderCopyField('new-key', t.newKey, this.newKey, { secret: true })}
              ${this.renderCopyField('new-console-link', this.t.created.consoleLink, consoleLink(this.serverUrl, opened.info.id, this.newKey))}
            </div>`
          : this.confirmingRotation
            ? html`<div class="message warning confirm" role="alertdialog" aria-labelledby="confirm-text" aria-modal="false">
                <p id="confirm-text">${t.confirm}</p>
                <div class="actions">
                  <button type="button" class="primary danger" id="confirm-rotate" ?disabled=${this.busy === 'rotate'} @click=${() => this.rotateKey()}>${t.confirmYes}</button>
                  <button
                    type="button"
                    @click=${async () => {
                      this.confirmingRotation = false;
                      await this.updateComplete;
                      this.renderRoot.querySelector<HTMLElement>('#rotate')?.focus();
                    }}
                  >
                    ${this.t.create.cancel}
                  </button>
                </div>
              </div>`
            : html`<button
                type="button"
                id="rotate"
                @click=${async () => {
                  this.confirmingRotation = true;
                  await this.updateComplete;
                  this.renderRoot.querySelector<HTMLElement>('#confirm-rotate')?.focus();
                }}
              >
                ${t.rotate}
              </button>`}
      </section>
    </div>`;
  }
}
