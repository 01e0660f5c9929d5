import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { OsaFormControl, type FormControlValue } from '../../kit/form-control.js';
import { controls, tokens } from '../../theme/tokens.js';
import { AnnouncerController } from '../../controllers/announcer.js';
import { ActivityController } from '../../controllers/activity-controller.js';
import { CommandController, type Feedback } from '../../controllers/command-controller.js';
import { renderConnection, renderUnloaded } from '../../kit/activity-view.js';
import { offerLapsed, workshopsMine, workshopsView, type ParticipantWorkshops, type Seat, type Slot, type Workshop, type WorkshopsConfig, type WorkshopsState } from '../../core/workshops/workshops.view.js';
import type { LocalizedText } from '../../core/activity.js';
import { localizedText } from '../../core/activity.js';
import type { OsaAdapter } from '../../adapters/types.js';
import { pickerStyles } from './workshop-picker.styles.js';
import { presenterStyles } from './presenter.styles.js';
import { presenterCounterStyles } from '../../kit/presenter.js';
import { CatalogueController } from './catalogue-controller.js';
import { RankingController } from './ranking-controller.js';
import { SeatWatchController } from './seat-watch-controller.js';
import { StaticPlanController } from './static-plan.js';
import { WorkshopOrganiser } from './workshop-picker.organiser.js';
import { WorkshopPresenter } from './workshop-picker.presenter.js';
import { renderCatalogue } from './cards.js';
import { renderSchedule } from './schedule.js';
import { readStaticConfig, STATIC_EVENT, StaticCatalogueAdapter } from './static-catalogue.js';
import { registerTexts } from '../../i18n/localize.js';
import { workshopsTexts } from '../../i18n/workshops/index.js';

declare module '../../base/events.js' {
  interface OsaEventDetailMap {
    'osa-seat-claimed': { workshop: string; status: 'confirmed' | 'waitlisted' | 'queued'; position?: number };
    'osa-seat-cancelled': { workshop: string; queued: boolean };
    'osa-seat-promoted': { workshop: string };
    'osa-seat-offered': { workshop: string; offeredUntil: number };
    'osa-offer-accepted': { workshop: string; accepted: boolean };
    'osa-ranking-sent': { choices: string[]; queued: boolean };
  }
}

export type WorkshopPickerView = 'participant' | 'presenter' | 'organiser';

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A workshop picker: participants browse a catalogue grouped by time slot (filter by theme, level
 * and slot; search that ignores case and accents), and either claim a seat first come, first
 * served (a full workshop puts them on its waitlist, and a freed seat goes to the first in line at
 * once), or rank their top choices per slot for the organiser's fair allocation. "My schedule"
 * shows their places and offers them as a calendar file. With `view="organiser"` and the organiser
 * key: registration open or closed, fill levels, the allocation with its preview, exports. With
 * `view="presenter"`: live fill levels for a screen, with the join code.
 *
 * It is form-associated: inside a `<form>` it submits the chosen workshop ids under its `name`
 * (first come: the workshops the participant has a place in; ranked: their ranking, best first
 * within each slot) and with `required` asks for a choice in every time slot. `form.reset()`
 * returns a ranking to the one last sent; seats already claimed stay claimed (a reset button never
 * gives a seat away).
 *
 * @summary Choose workshops: claim seats or rank choices per time slot, with waitlists, a fair allocation and a calendar file.
 * @tagname osa-workshop-picker
 *
 * @event osa-seat-claimed - A seat was claimed or a waitlist joined (or the claim waits offline). `detail: { workshop, status, position? }`
 * @event osa-seat-cancelled - A seat or waitlist place was given up. `detail: { workshop, queued }`
 * @event osa-seat-promoted - A waitlist place became a seat, live. `detail: { workshop }`
 * @event osa-seat-offered - A waitlist place became an offered seat (the organiser set a claim window), live. `detail: { workshop, offeredUntil }`
 * @event osa-offer-accepted - The participant answered an offered seat: `accepted` is false when the window had passed. `detail: { workshop, accepted }`
 * @event osa-ranking-sent - The ranking was sent (or waits offline). `detail: { choices, queued }`
 * @event input - The participant changed the chosen workshops.
 * @event change - The participant changed the chosen workshops.
 *
 * @csspart picker - The outer container.
 * @csspart filters - The search and filter bar.
 * @csspart slot - One time slot of the catalogue.
 * @csspart workshop - One workshop card.
 * @csspart schedule - The participant's schedule.
 * @csspart ranking - The participant's ranked choices in one time slot.
 * @csspart preview - The organiser's allocation preview.
 * @csspart presenter - The presenter view.
 *
 * @cssproperty --osa-workshop-picker-gap - Space between the picker's sections. Defaults to `--osa-space-m`.
 * @cssproperty --osa-workshop-picker-card-min-width - The narrowest a card gets before the grid has one column fewer. Defaults to 260px.
 * @cssproperty --osa-workshop-picker-fill-color - Colour of the fill bars. Defaults to `--osa-color-accent`.
 * @cssproperty --osa-workshop-picker-full-color - Colour of a full workshop's bar. Defaults to `--osa-color-danger`.
 * @cssproperty --osa-workshop-picker-mine-color - Edge colour of the cards the participant has a seat in. Defaults to `--osa-color-success`.
 * @cssproperty --osa-workshop-picker-presenter-font-size - The presenter view's base font size. Follows the screen by default.
 *
 * @cssstate invalid - Required, and a time slot has no choice.
 * @cssstate user-invalid - Invalid after the participant or a form validation reached it.
 */
export class OsaWorkshopPicker extends OsaFormControl {
  static {
    registerTexts(workshopsTexts);
  }

  static override styles = [tokens, controls, pickerStyles, presenterCounterStyles, presenterStyles];

  /** The activity id of the workshop picker inside the event. */
  @property({ reflect: true }) activity = '';

  /** The event id; taken from the surrounding `osa-event` when left out. */
  @property() event?: string;

  /** `participant` (default), `presenter` for a screen, or `organiser` (needs the organiser key). */
  @property({ reflect: true }) view: WorkshopPickerView = 'participant';

  /** The presenter view shows only this time slot (its id); every slot when left out. */
  @property({ attribute: 'time-slot' }) timeSlot?: string;

  /** The address participants join at, for the presenter's QR code; the page address (without fragment) when left out. */
  @property({ attribute: 'join-url' }) joinUrl?: string;

  /** A data adapter of your own; overrides the one of the surrounding `osa-event`. */
  @property({ attribute: false }) adapter?: OsaAdapter;

  /** The workshop whose cancellation is being confirmed. @internal */
  @state() confirming: string | undefined;

  /** Where the feedback of the last action is shown: in a workshop's card, beside the ranking, or (undefined) at the top. @internal */
  feedbackAt: string | undefined;

  /** @internal */
  readonly live = new ActivityController<WorkshopsState, WorkshopsConfig>(this, workshopsView);
  /** @internal */
  readonly commands = new CommandController(this, this.live, {
    // The picker's own words where they say more than the general ones.
    refusal: (error, command) => {
      if (command === 'claim' && error.code === 'invalid' && error.field === 'workshop') return this.t.clash;
      if (command === 'rank' && error.code === 'phase_closed') return this.t.ranking.frozen;
      if (command === 'move' && error.code === 'full') return this.t.organiser.moveFull;
      if (command === 'configure') return this.organiser.editor.refusal(error);
      return undefined;
    },
    fieldLabel: (field) => (field === 'choices' ? this.t.ranking.title : field === 'workshop' ? this.t.organiser.workshop : (this.organiser.editor.fieldLabel(field) ?? field)),
  });
  /** @internal */
  readonly catalogue = new CatalogueController(this);
  /** @internal */
  readonly ranking = new RankingController(this);
  /** @internal */
  readonly seatWatch = new SeatWatchController(this);
  /** A static catalogue's "my schedule", kept on the device. @internal */
  readonly plan = new StaticPlanController(this);
  private readonly organiser = new WorkshopOrganiser(this);
  private readonly presenter = new WorkshopPresenter(this);
  private readonly announcer = new AnnouncerController(this);

  /** @internal */
  get t() {
    return this.i18n.msg.workshops;
  }

  /** The catalogue, once loaded. @internal */
  get config(): WorkshopsConfig | undefined {
    return this.live.snapshot?.config;
  }

  /** What of the workshops is the viewer's own (never another participant's, also for an organiser). @internal */
  get mine(): ParticipantWorkshops | undefined {
    const snapshot = this.live.snapshot;
    return snapshot ? workshopsMine(snapshot.state, snapshot.viewer) : undefined;
  }

  /** Whether the organiser has published an allocation. @internal */
  get published(): boolean {
    return this.live.snapshot?.state.publishedAt !== undefined;
  }

  /** A catalogue from a JSON child with no event: read-only, no server. @internal */
  staticCatalogue = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // Only where nothing else gives the data: no adapter or event of its own, no surrounding <osa-event>.
    if (this.adapter || this.event || this.staticCatalogue || this.closest('osa-event')) return;
    const config = readStaticConfig(this);
    if (!config) return;
    this.staticCatalogue = true;
    this.activity ||= 'catalogue';
    this.event = STATIC_EVENT;
    this.adapter = new StaticCatalogueAdapter(this.activity, config);
  }

  /** Whether choices are a ranking (ranked mode before the allocation is published). @internal */
  get ranks(): boolean {
    return this.config?.mode === 'ranked' && !this.published;
  }

  /** Whether the participant can change their ranking now. @internal */
  get rankingOpen(): boolean {
    return this.ranks && this.live.snapshot?.phase === 'open';
  }

  /** Whether the participant can claim seats now (first come, or ranked after publication). @internal */
  get claiming(): boolean {
    return this.live.snapshot?.phase === 'open' && !this.ranks;
  }

  /** Whether the participant's actions are off: disabled (itself or a fieldset) or read-only. @internal */
  get actionsDisabled(): boolean {
    return this.isDisabled || this.readOnly;
  }

  /** The participant's place in a slot, counting a claim or cancellation that waits in the offline outbox. @internal */
  placeIn(slot: string): Seat | undefined {
    if (this.staticCatalogue) {
      const planned = this.plan.in(slot);
      return planned === undefined ? undefined : { workshop: planned, status: 'confirmed' };
    }
    const pending = this.seatWatch.pending[slot];
    if (pending) return pending.action === 'claim' ? { workshop: pending.workshop, status: 'confirmed' } : undefined;
    return this.mine?.seats[slot];
  }

  /** Whether `seat` is an offer whose claim window has passed (by this browser's clock): it can no longer be accepted. @internal */
  lapsed(seat: Seat | undefined): boolean {
    return offerLapsed(seat, Date.now());
  }

  /** The end of an offer's claim window, in the reader's language: weekday and time. @internal */
  deadline(seat: Seat): string {
    return this.i18n.format.date(seat.offeredUntil ?? 0, { weekday: 'short', hour: 'numeric', minute: '2-digit' });
  }

  /** @internal */
  text(value: LocalizedText | undefined): string {
    return localizedText(value, this.i18n.language);
  }

  /** A slot's date and time range in the reader's language and time zone. @internal */
  slotTime(slot: Slot): string {
    if (!slot.start) return '';
    const start = new Date(slot.start);
    if (Number.isNaN(start.getTime())) return '';
    const language = this.i18n.language;
    let format = timeFormats.get(language);
    if (!format) {
      format = new Intl.DateTimeFormat(`${language}-FI`, { weekday: 'short', day: 'numeric', month: 'numeric', hour: 'numeric', minute: '2-digit' });
      timeFormats.set(language, format);
    }
    const end = slot.end ? new Date(slot.end) : undefined;
    return end && !Number.isNaN(end.getTime()) ? format.formatRange(start, end) : format.format(start);
  }

  /** @internal */
  announce(message: string): void {
    this.announcer.announce(message);
  }

  /** Shows a message at the top of the picker. @internal */
  sayTop(feedback: Feedback): void {
    this.feedbackAt = undefined;
    this.commands.say(feedback);
  }

  /** The chosen workshops changed by the participant's hand: the form hears `input` and `change`. @internal */
  participantChanged(): void {
    this.userChanged();
  }

  // ------------------------------------------------------------ actions

  private focusAfterUpdate(...selectors: string[]): void {
    void this.updateComplete.then(() => {
      for (const selector of selectors) {
        const target = this.renderRoot.querySelector<HTMLElement>(selector);
        if (target) return target.focus();
      }
    });
  }

  /** @internal */
  async claim(workshop: Workshop): Promise<void> {
    if (this.actionsDisabled || this.commands.busy) return;
    const t = this.t;
    const title = this.text(workshop.title);
    this.feedbackAt = workshop.id;
    // Said at once, offline too: the back end would refuse it the same way.
    if (this.placeIn(workshop.slot)) return this.commands.say({ kind: 'error', text: t.clash });
    const outcome = await this.commands.run<Seat>('claim', { workshop: workshop.id });
    if (outcome.status === 'done') {
      const seat = outcome.result;
      const waiting = seat.status === 'waitlisted';
      this.commands.say({ kind: 'success', text: waiting ? t.waitlistJoined(title, seat.position ?? 1) : t.claimed(title) });
      this.emit('osa-seat-claimed', { workshop: workshop.id, status: waiting ? 'waitlisted' : 'confirmed', ...(waiting ? { position: seat.position ?? 1 } : {}) });
      this.userChanged();
    } else if (outcome.status === 'queued') {
      this.seatWatch.queued(workshop.slot, { workshop: workshop.id, action: 'claim' });
      this.commands.say({ kind: 'warning', text: t.queued });
      this.emit('osa-seat-claimed', { workshop: workshop.id, status: 'queued' });
      this.userChanged();
    }
    this.focusAfterUpdate(`[data-action="${workshop.id}"]`, `#title-${workshop.id}`);
  }

  /** Accepts an offered seat; when its window has passed, says the seat went to the next in line. @internal */
  async accept(workshop: Workshop): Promise<void> {
    if (this.actionsDisabled || this.commands.busy) return;
    const title = this.text(workshop.title);
    this.feedbackAt = workshop.id;
    const outcome = await this.commands.run<{ accepted: boolean }>('acceptOffer', { workshop: workshop.id });
    if (outcome.status === 'done') {
      const { accepted } = outcome.result;
      this.commands.say(accepted ? { kind: 'success', text: this.t.accepted(title) } : { kind: 'warning', text: this.t.offerLost(title) });
      this.emit('osa-offer-accepted', { workshop: workshop.id, accepted });
      this.userChanged();
    }
    this.focusAfterUpdate(`[data-action="${workshop.id}"]`, `#title-${workshop.id}`);
  }

  /** Adds a workshop of a static catalogue to the participant's schedule on this device, or removes it. @internal */
  togglePlan(workshop: Workshop): void {
    if (this.actionsDisabled) return;
    const title = this.text(workshop.title);
    this.feedbackAt = workshop.id;
    const outcome = this.plan.toggle(workshop);
    if (outcome === 'clash') {
      const other = this.config?.workshops.find((entry) => entry.id === this.plan.in(workshop.slot));
      this.commands.say({ kind: 'error', text: this.t.planClash(this.text(other?.title)) });
      return;
    }
    this.commands.say({ kind: 'success', text: outcome === 'added' ? this.t.planAdded(title) : this.t.planRemoved(title) });
    this.userChanged();
    this.focusAfterUpdate(`[data-action="${workshop.id}"]`);
  }

  /** Asks to confirm giving up a seat or a waitlist place. @internal */
  askCancel(workshop: Workshop): void {
    if (this.actionsDisabled || this.commands.busy) return;
    this.commands.say(undefined);
    this.confirming = workshop.id;
    this.focusAfterUpdate('[data-keep]');
  }

  /** @internal */
  keep(workshop: Workshop): void {
    this.confirming = undefined;
    this.focusAfterUpdate(`[data-action="${workshop.id}"]`);
  }

  /** @internal */
  async cancel(workshop: Workshop): Promise<void> {
    if (this.actionsDisabled || this.commands.busy) return;
    const t = this.t;
    const title = this.text(workshop.title);
    const status = this.placeIn(workshop.slot)?.status;
    this.confirming = undefined;
    this.feedbackAt = workshop.id;
    const outcome = await this.commands.run('cancel', { workshop: workshop.id });
    if (outcome.status === 'done') {
      this.commands.say({ kind: 'success', text: status === 'waitlisted' ? t.leftWaitlist(title) : status === 'offered' ? t.declined(title) : t.cancelled(title) });
      this.emit('osa-seat-cancelled', { workshop: workshop.id, queued: false });
      this.userChanged();
    } else if (outcome.status === 'queued') {
      this.seatWatch.queued(workshop.slot, { workshop: workshop.id, action: 'cancel' });
      this.commands.say({ kind: 'warning', text: t.queued });
      this.emit('osa-seat-cancelled', { workshop: workshop.id, queued: true });
      this.userChanged();
    }
    this.focusAfterUpdate(`[data-action="${workshop.id}"]`, `#title-${workshop.id}`);
  }

  // ------------------------------------------------------------ the form

  /** The workshop ids the participant chose, in slot order: where they have a place (first come), or their ranking. @internal */
  get chosen(): string[] {
    const config = this.config;
    if (!config || this.ranks) return this.ranking.choices(config);
    return config.slots.flatMap((slot) => {
      const seat = this.placeIn(slot.id);
      return seat ? [seat.workshop] : [];
    });
  }

  /** Time slots (with workshops) where the participant has chosen nothing. */
  private missingSlots(): string[] {
    const config = this.config;
    if (!config) return [];
    const chosen = new Set(this.chosen);
    return config.slots
      .filter((slot) => {
        const workshops = config.workshops.filter((workshop) => workshop.slot === slot.id);
        return workshops.length > 0 && !workshops.some((workshop) => chosen.has(workshop.id));
      })
      .map((slot) => slot.id);
  }

  protected override formValue(): FormControlValue {
    const data = new FormData();
    for (const id of this.chosen) data.append(this.name, id);
    return data;
  }

  protected override formState(): FormControlValue {
    return JSON.stringify({ ranking: this.ranking.current });
  }

  protected override restoreFormState(state: string | File | FormData): void {
    if (typeof state !== 'string') return;
    try {
      const { ranking } = JSON.parse(state) as { ranking?: unknown };
      const valid =
        typeof ranking === 'object' && ranking !== null && Object.values(ranking).every((list) => Array.isArray(list) && list.every((id) => typeof id === 'string'));
      if (valid && this.config?.mode !== 'firstCome') this.ranking.restore(ranking as Record<string, string[]>);
    } catch {
      // Not a state this element gave: nothing to restore.
    }
  }

  protected override resetToDefault(): void {
    this.ranking.reset();
    this.confirming = undefined;
  }

  protected override isValueMissing(): boolean {
    return this.config ? this.missingSlots().length > 0 : this.chosen.length === 0;
  }

  protected override requiredMessage(): string {
    return this.t.required;
  }

  protected override validationAnchor(): HTMLElement | null | undefined {
    const root = this.renderRoot as ShadowRoot | undefined;
    if (!root?.querySelector) return undefined;
    const [missing] = this.missingSlots();
    return (
      (missing ? root.querySelector<HTMLElement>(`[data-slot-anchor="${missing}"]`) : null) ??
      root.querySelector<HTMLElement>('[data-slot-anchor]') ??
      root.querySelector<HTMLElement>('#picker-title')
    );
  }

  // ------------------------------------------------------------ rendering

  override render(): TemplateResult {
    return html`<section class="picker" part="picker" aria-labelledby="picker-title">${this.renderContent()} ${this.announcer.render()}</section>`;
  }

  private renderContent(): TemplateResult {
    const data = this.live.snapshot;
    if (!data) return html`<h2 id="picker-title" tabindex="-1">${this.t.label}</h2>${renderUnloaded(this.live, this.i18n.msg)}`;
    const title = this.text(data.title) || this.t.label;
    if (this.view === 'presenter') return this.presenter.render(data, title);
    const organiser = this.view === 'organiser';
    return html`
      <header class="top">
        <h2 id="picker-title" tabindex="-1">${organiser ? `${title} – ${this.t.organiser.title}` : title}</h2>
        <span class="phase-badge phase-${data.phase}">${this.staticCatalogue ? this.t.catalogueOnly : (this.t.phase[data.phase as keyof typeof this.t.phase] ?? data.phase)}</span>
      </header>
      ${renderConnection(this.live, this.i18n.msg)} ${this.feedbackAt === undefined ? this.commands.render() : nothing}
      ${organiser
        ? data.viewer.organiser
          ? this.organiser.render(data)
          : html`<p class="message warning">${this.t.organiser.keyNeeded}</p>`
        : this.renderParticipant(data.config, data.state, data.phase)}
    `;
  }

  private help(config: WorkshopsConfig, phase: string): string {
    const help = this.t.help;
    if (this.staticCatalogue) return help.catalogueOnly;
    if (phase === 'preparing') return help.preparing;
    if (phase === 'closed') return this.ranks ? help.closedRanked : help.closed;
    if (this.published) return help.published;
    if (config.mode === 'ranked') return help.ranked(config.choicesPerSlot);
    return config.claimWindowMinutes ? help.firstComeWindow(config.claimWindowMinutes) : help.firstCome;
  }

  private renderParticipant(config: WorkshopsConfig, state: WorkshopsState, phase: string): TemplateResult {
    const t = this.t;
    const empty = config.workshops.length === 0;
    // A static catalogue's schedule is the participant's plan, kept on this device.
    const noAside = empty;
    return html`${empty ? nothing : html`<p class="help">${this.help(config, phase)}</p>`}
      <div class="layout ${noAside ? 'no-aside' : ''}">
        ${noAside
          ? nothing
          : html`<aside class="mine" aria-labelledby="mine-title">
              <h3 id="mine-title">${this.ranks ? t.ranking.title : t.schedule.title}</h3>
              ${this.ranks ? this.ranking.render(config, this.rankingOpen) : renderSchedule(this, config)}
              ${this.feedbackAt === 'ranking' ? this.commands.render() : nothing}
            </aside>`}
        <div class="main">${renderCatalogue(this, config, state)}</div>
      </div>`;
  }
}
