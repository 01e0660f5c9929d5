import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { OsaElement } from '../../base/osa-element.js';
import { tokens, controls } from '../../theme/tokens.js';
import { presenterCounterStyles, joinLink } from '../../kit/presenter.js';
import { AnnouncerController } from '../../controllers/announcer.js';
import { ActivityController } from '../../controllers/activity-controller.js';
import { CommandController } from '../../controllers/command-controller.js';
import { RovingTabindexController } from '../../controllers/roving-tabindex.js';
import { renderConnection, renderUnloaded } from '../../kit/activity-view.js';
import { answersLeft, cloudMine, cloudTerms, cloudView, wordCount, type CloudConfig, type CloudData, type CloudState } from '../../core/cloud/cloud.view.js';
import type { CloudWord, PlacedWord } from '../../core/cloud/layout.js';
import type { OsaAdapter } from '../../adapters/types.js';
import type { LocalizedText } from '../../core/activity.js';
import { localizedText } from '../../core/activity.js';
import { CloudStage } from './cloud-stage.js';
import { CloudOrganiser } from './tag-cloud.organiser.js';
import { readStaticWords, staticTerms, type StaticWord } from './static-words.js';
import { cloudStyles } from './tag-cloud.styles.js';
import '../join-code/join-code.js';
import { registerTexts } from '../../i18n/localize.js';
import { cloudTexts } from '../../i18n/cloud/index.js';

declare module '../../base/events.js' {
  interface OsaEventDetailMap {
    'osa-term-select': { key: string; text: string; count: number };
    'osa-answer-submit': { text: string; queued: boolean };
  }
}

export type TagCloudView = 'participant' | 'presenter' | 'organiser';

/** A term as the cloud shows it. */
export interface CloudEntry {
  key: string;
  display: string;
  count: number;
}

/**
 * A live word cloud. Participants answer in a word or a few; the cloud counts **terms** (inflected
 * forms merged: "koulu", "koulun" and "kouluissa" are one word, shown as its most frequent form)
 * and grows in place — a placed word never jumps when others arrive. Each word is a focusable
 * button (arrow keys move between them; Enter selects), and the same terms read as a list. With
 * `view="presenter"`: the cloud full screen with the join code; with `view="organiser"` and the
 * organiser key: the terms with counts, flagged terms to review, merge, split and hide, the
 * answers behind each term, phases and exports (CSV, JSON, SVG, PNG).
 *
 * Without an event it shows a static cloud: the `words` property (`[{ text, count }]`, or plain
 * answers as strings, normalised on the page) or a `<script type="application/json">` child.
 *
 * @summary A live word cloud that merges inflected forms and never reshuffles its words.
 * @tagname osa-tag-cloud
 *
 * @event osa-term-select - A word was chosen (Enter or click). `detail: { key, text, count }`
 * @event osa-answer-submit - The participant's answer was sent (or queued while offline). `detail: { text, queued }`
 *
 * @csspart cloud - The outer container.
 * @csspart form - The answer form.
 * @csspart stage - The area the cloud's SVG fills.
 * @csspart word - Each word of the cloud (an SVG `text`).
 * @csspart more - The "+N more" button.
 * @csspart list - The list (table) of terms.
 * @csspart mine - The participant's own answers.
 * @csspart organiser - The organiser's tools.
 * @csspart presenter - The presenter view.
 *
 * @cssproperty --osa-tag-cloud-height - Height of the cloud in the participant and organiser views. Defaults to a 16:10 area, at most 70vh.
 * @cssproperty --osa-tag-cloud-font-family - The words' font. Defaults to the theme's font.
 * @cssproperty --osa-tag-cloud-font-weight - The words' weight. Defaults to 700.
 * @cssproperty --osa-tag-cloud-color-1 - First of the four word colours. Defaults to `--osa-color-accent`.
 * @cssproperty --osa-tag-cloud-color-2 - Second word colour. Defaults to `--osa-color-text`.
 * @cssproperty --osa-tag-cloud-color-3 - Third word colour. Defaults to `--osa-color-success`.
 * @cssproperty --osa-tag-cloud-color-4 - Fourth word colour. Defaults to `--osa-color-warning`.
 * @cssproperty --osa-tag-cloud-presenter-font-size - Base font size of the presenter view. Follows the screen's width by default.
 * @cssproperty --osa-tag-cloud-move-duration - How long a word takes to move when the cloud is laid out again. Defaults to 600ms (none under reduced motion).
 */
export class OsaTagCloud extends OsaElement {
  static {
    registerTexts(cloudTexts);
  }

  static override styles = [tokens, controls, presenterCounterStyles, cloudStyles];

  /** The activity id of the cloud inside the event. */
  @property({ reflect: true }) activity = '';

  /** The event id; taken from the surrounding `osa-event` when left out. */
  @property() event?: string;

  /** `participant` (default), `presenter` for a screen, or `organiser` (needs the organiser key). */
  @property({ reflect: true }) view: TagCloudView = 'participant';

  /** The address participants join at, for the presenter's QR code; the page address (without fragment) when left out. */
  @property({ attribute: 'join-url' }) joinUrl?: string;

  /** A data adapter of your own; overrides the one of the surrounding `osa-event`. */
  @property({ attribute: false }) adapter?: OsaAdapter;

  /** A static cloud with no server: `[{ text, count }]`, or plain answers (strings) that are normalised on the page. */
  @property({ attribute: false }) words?: StaticWord[];

  /** The heading of a static cloud (a live cloud shows its activity's title). */
  @property() label?: string;

  /** Chooses where words go: the same seed and words give the same cloud. */
  @property({ type: Number }) seed = 1;

  /** `cloud` (default) or `list`: the terms as a table of counts. The reader can switch between them. */
  @property({ reflect: true }) display: 'cloud' | 'list' = 'cloud';

  @state() private draft = '';
  /** Answers sent while offline, shown until the outbox is empty. */
  @state() private queued: string[] = [];
  @state() private staticEntries: CloudEntry[] | undefined;
  /** The term chosen last (the organiser sees its answers). @internal */
  @state() selected: string | undefined;

  /** @internal */
  readonly live = new ActivityController<CloudState, CloudConfig>(this, cloudView);
  /** @internal */
  readonly commands = new CommandController(this, this.live, {
    refusal: (error) => {
      const config = this.live.snapshot?.config;
      if (error.code !== 'invalid' || !config) return undefined;
      if (error.field === 'answers') return this.t.allGiven(config.answersPerParticipant);
      if (error.field !== 'text') return undefined;
      if (error.reason?.kind === 'tooLong') return this.t.tooLong(config.maxLength);
      if (error.reason?.kind === 'tooMany') return this.t.tooManyWords(config.maxWords);
      if (error.reason?.kind === 'notAllowed') return this.t.onlyFillers;
      return undefined;
    },
    fieldLabel: (field) => (field === 'text' ? this.t.answer : field),
  });
  /** @internal */
  readonly stage = new CloudStage(this, {
    seed: () => this.seed,
    font: () => {
      const style = getComputedStyle(this.renderRoot.querySelector('.stage') ?? this);
      return { family: style.getPropertyValue('--_cloud-font').trim() || style.fontFamily, weight: style.getPropertyValue('--_cloud-weight').trim() || 700 };
    },
    isStatic: () => this.isStatic,
  });
  private readonly organiser = new CloudOrganiser(this);
  private readonly announcer = new AnnouncerController(this);
  private readonly roving = new RovingTabindexController(this, {
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('.stage .word')],
    orientation: 'both',
  });
  private staticWords: StaticWord[] | undefined;

  /** @internal */
  get t() {
    return this.i18n.msg.cloud;
  }

  /** A static cloud: words given on the page, no event. @internal */
  get isStatic(): boolean {
    return this.staticWords !== undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.words || this.adapter || this.event || this.closest('osa-event')) return;
    const words = readStaticWords(this);
    if (words) this.staticWords = words;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('words') && this.words) this.staticWords = this.words;
    if ((changed.has('words') || changed.has('lang') || this.staticEntries === undefined) && this.staticWords) void this.loadStatic(this.staticWords);
    if (this.live.pending === 0 && this.queued.length > 0) this.queued = [];
  }

  private async loadStatic(words: StaticWord[]): Promise<void> {
    const entries = (await staticTerms(words, this.i18n.language)).map((term) => ({ key: term.key, display: term.display, count: term.count }));
    if (words !== this.staticWords) return;
    this.staticEntries = entries;
  }

  /** @internal */
  text(value: LocalizedText | undefined): string {
    return localizedText(value, this.i18n.language);
  }

  /** @internal */
  announce(message: string): void {
    this.announcer.announce(message);
  }

  /** The terms shown to this viewer, heaviest first. @internal */
  entries(data: CloudData | undefined = this.live.snapshot): CloudEntry[] {
    if (this.isStatic) return this.staticEntries ?? [];
    if (!data) return [];
    return cloudTerms(data.state).map((term) => ({ key: term.key, display: term.display, count: term.count }));
  }

  /** Whether this viewer sees the cloud (participants only when the organiser shows it). */
  private get cloudVisible(): boolean {
    const snapshot = this.live.snapshot;
    if (this.isStatic || !snapshot) return true;
    return snapshot.viewer.organiser || snapshot.config.showCloud;
  }

  // ------------------------------------------------------------ actions

  private async submit(): Promise<void> {
    const snapshot = this.live.snapshot;
    if (!snapshot || this.commands.busy) return;
    const text = this.draft.trim();
    if (!text) return;
    const problem = this.problemWith(text, snapshot);
    if (problem) return this.commands.say({ kind: 'error', text: problem });
    const outcome = await this.commands.run('submit', { text, language: this.i18n.language });
    if (outcome.status === 'done') {
      this.commands.say({ kind: 'success', text: this.t.sent });
      this.emit('osa-answer-submit', { text, queued: false });
    } else if (outcome.status === 'queued') {
      this.queued = [...this.queued, text];
      this.commands.say({ kind: 'warning', text: this.t.queued });
      this.emit('osa-answer-submit', { text, queued: true });
    } else return;
    this.draft = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#answer')?.focus());
  }

  /** Said at once, offline too: the back end refuses the same. */
  private problemWith(text: string, data: CloudData): string | undefined {
    const { config } = data;
    if ([...text].length > config.maxLength) return this.t.tooLong(config.maxLength);
    if (wordCount(text, this.i18n.language) > config.maxWords) return this.t.tooManyWords(config.maxWords);
    if (answersLeft(data, this.live.snapshot!.viewer) - this.queued.length <= 0) return this.t.allGiven(config.answersPerParticipant);
    return undefined;
  }

  /** A word was chosen: tell the page, and show the organiser its answers. @internal */
  select(entry: CloudEntry): void {
    this.selected = entry.key;
    this.emit('osa-term-select', { key: entry.key, text: entry.display, count: entry.count });
  }

  /** Shows the list of every term and focuses it: the "+N more" button. */
  private showAll(): void {
    this.display = 'list';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.terms-list')?.focus());
  }

  // ------------------------------------------------------------ rendering

  override render(): TemplateResult {
    return html`<section class="cloud ${this.view}" part="cloud" aria-labelledby="cloud-title">${this.renderContent()} ${this.announcer.render()}</section>`;
  }

  private renderContent(): TemplateResult {
    if (this.isStatic) {
      return html`${this.label ? html`<h2 id="cloud-title">${this.label}</h2>` : html`<h2 id="cloud-title" class="visually-hidden">${this.t.label}</h2>`}
        ${this.staticEntries === undefined ? html`<p role="status" aria-busy="true">${this.i18n.msg.common.loading}</p>` : this.renderCloud(this.staticEntries)}`;
    }
    const data = this.live.snapshot;
    if (!data) return html`<h2 id="cloud-title">${this.t.label}</h2>${renderUnloaded(this.live, this.i18n.msg)}`;
    const title = this.text(this.live.snapshot?.title) || this.t.label;
    if (this.view === 'presenter') return this.renderPresenter(data, title);
    const organiser = this.view === 'organiser' && data.viewer.organiser;
    return html`
      <header class="top">
        <h2 id="cloud-title">${organiser ? `${title} – ${this.t.organiser.title}` : title}</h2>
        <span class="phase-badge">${this.t.phase[data.phase as keyof typeof this.t.phase] ?? data.phase}</span>
      </header>
      ${renderConnection(this.live, this.i18n.msg)} ${this.commands.render()}
      ${organiser ? this.organiser.render(data) : this.renderParticipant(data)}
    `;
  }

  private renderParticipant(data: CloudData): TemplateResult {
    const help = this.t.phaseHelp[data.phase as keyof typeof this.t.phaseHelp];
    return html`${help ? html`<p class="muted">${help}</p>` : nothing} ${data.phase === 'open' ? this.renderForm(data) : nothing} ${this.renderMine(data)}
      ${this.cloudVisible ? this.renderCloud(this.entries(data)) : html`<p class="muted">${this.t.hiddenCloud}</p>`}`;
  }

  private renderForm(data: CloudData): TemplateResult {
    const { config } = data;
    const left = answersLeft(data, this.live.snapshot!.viewer) - this.queued.length;
    const length = [...this.draft].length;
    const words = wordCount(this.draft, this.i18n.language);
    const over = length > config.maxLength || words > config.maxWords;
    return html`<form
      class="answer"
      part="form"
      @submit=${(event: Event) => {
        event.preventDefault();
        void this.submit();
      }}
    >
      <label for="answer">${this.t.answer}</label>
      <p id="answer-limits" class="muted small">${this.t.limits(config.maxWords, config.maxLength)}</p>
      <div class="row">
        <input
          id="answer"
          type="text"
          autocomplete="off"
          enterkeyhint="send"
          .value=${this.draft}
          placeholder=${this.t.placeholder}
          ?disabled=${left <= 0}
          aria-describedby="answer-limits answer-count answer-left"
          aria-invalid=${over ? 'true' : 'false'}
          @input=${(event: InputEvent) => (this.draft = (event.target as HTMLInputElement).value)}
        />
        <button class="primary" type="submit" ?disabled=${this.commands.busy || left <= 0 || this.draft.trim().length === 0 || over}>${this.t.send}</button>
      </div>
      <p class="row small">
        <span id="answer-count" class="counter ${over ? 'over' : ''}">${this.i18n.msg.common.characters(length, config.maxLength)} · ${this.t.wordsUsed(words, config.maxWords)}</span>
        <span id="answer-left" class="muted">${this.t.answersLeft(Math.max(0, left), config.answersPerParticipant)}</span>
      </p>
    </form>`;
  }

  private renderMine(data: CloudData): TemplateResult | typeof nothing {
    const mine = cloudMine(data.state, this.live.snapshot!.viewer);
    const waiting = this.live.pending > 0 ? this.queued : [];
    if (mine.length === 0 && waiting.length === 0) return nothing;
    return html`<section class="mine" part="mine" aria-labelledby="mine-title">
      <h3 id="mine-title">${this.t.yourWords}</h3>
      <ul class="chips">
        ${mine.map((answer) => html`<li>${answer.text}</li>`)}
        ${waiting.map((text) => html`<li class="waiting">${text} <span class="muted small">(${this.t.waiting})</span></li>`)}
      </ul>
    </section>`;
  }

  /** The cloud (or list) of `entries` with the toggle between them. @internal */
  renderCloud(entries: CloudEntry[], options: { toggle?: boolean } = {}): TemplateResult {
    const byKey = new Map(entries.map((entry) => [entry.key, entry]));
    this.stage.update(entries.map((entry): CloudWord => ({ key: entry.key, text: entry.display, weight: entry.count })));
    const toggle = options.toggle ?? this.view !== 'presenter';
    const layout = this.stage.layout;
    const overflow = layout.overflow.filter((word) => byKey.has(word.key)).length;
    const { width, height } = this.stage.size;
    const list = this.display === 'list' && toggle;
    return html`<div class="cloud-area">
      ${toggle
        ? html`<div class="toggle" role="group" aria-label=${this.t.show}>
            <span class="muted small" aria-hidden="true">${this.t.show}</span>
            <button type="button" aria-pressed=${list ? 'false' : 'true'} @click=${() => (this.display = 'cloud')}>${this.t.cloud}</button>
            <button type="button" aria-pressed=${list ? 'true' : 'false'} @click=${() => (this.display = 'list')}>${this.t.list}</button>
          </div>`
        : nothing}
      ${entries.length === 0 ? html`<p class="muted empty">${this.t.noneYet}</p>` : nothing}
      <div class="stage" part="stage" ?hidden=${list || entries.length === 0}>
        ${width > 0
          ? html`<svg viewBox="0 0 ${width} ${height}" width=${width} height=${height} role="group" aria-label=${this.t.cloudLabel(entries.length)}
              @click=${(event: Event) => this.onWord(event, byKey)}
              @keydown=${(event: KeyboardEvent) => (event.key === 'Enter' || event.key === ' ') && this.onWord(event, byKey)}
            >${this.stage.render((word: PlacedWord) => this.t.termLabel(word.text, byKey.get(word.key)?.count ?? word.weight), (word) => (word.key === this.selected ? 'selected' : ''))}</svg>`
          : nothing}
      </div>
      ${overflow > 0 && !list
        ? html`<button type="button" class="more" part="more" @click=${() => this.showAll()}>${this.t.more(overflow)}<span class="visually-hidden">: ${this.t.moreHint}</span></button>`
        : nothing}
      ${list && entries.length > 0 ? this.renderList(entries) : nothing}
    </div>`;
  }

  private onWord(event: Event, byKey: Map<string, CloudEntry>): void {
    const target = (event.target as Element).closest?.('.word') as HTMLElement | null;
    const entry = target ? byKey.get(target.dataset.key ?? '') : undefined;
    if (!entry) return;
    event.preventDefault();
    this.roving.setActive(target!);
    this.select(entry);
  }

  private renderList(entries: CloudEntry[]): TemplateResult {
    return html`<table class="terms-list" part="list" tabindex="-1">
      <caption class="visually-hidden">${this.t.cloudLabel(entries.length)}</caption>
      <thead>
        <tr>
          <th scope="col">${this.t.term}</th>
          <th scope="col" class="num">${this.t.count}</th>
        </tr>
      </thead>
      <tbody>
        ${repeat(
          entries,
          (entry) => entry.key,
          (entry) => html`<tr class=${entry.key === this.selected ? 'selected' : ''}>
            <td><button type="button" class="link" @click=${() => this.select(entry)}>${entry.display}</button></td>
            <td class="num">${this.i18n.msg.common.count(entry.count)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderPresenter(data: CloudData, title: string): TemplateResult {
    const entries = this.entries(data);
    const counters = this.t.counters;
    return html`<div class="presenter" part="presenter">
      <header class="presenter-top">
        <h2 id="cloud-title">${title}</h2>
        <ul class="counters">
          <li><span class="count">${this.i18n.msg.common.count(data.state.answerCount)}</span> <span class="noun">${counters.answers}</span></li>
          <li><span class="count">${this.i18n.msg.common.count(data.state.participantCount)}</span> <span class="noun">${counters.participants}</span></li>
        </ul>
        ${renderConnection(this.live, this.i18n.msg)}
      </header>
      <div class="presenter-body">
        ${this.renderCloud(entries, { toggle: false })}
        <aside class="join" aria-label=${this.t.presenter.join}>
          <p class="join-title">${this.t.presenter.join}</p>
          <osa-join-code url=${joinLink(this.joinUrl)}></osa-join-code>
        </aside>
      </div>
    </div>`;
  }
}
