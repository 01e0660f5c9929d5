import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { AllocationObjective } from '../../core/workshops/allocation.js';
import { heldSeats, isCancelled, participantNumbers, seatHolders, seatsLeft, WORKSHOP_PHASES, type AllocationPreview, type Workshop, type WorkshopsData } from '../../core/workshops/workshops.view.js';
import { RovingTabindexController } from '../../controllers/roving-tabindex.js';
import { downloadExport } from '../../kit/download.js';
import { renderFill } from './cards.js';
import { CatalogueEditor } from './catalogue-editor.js';
import type { OsaWorkshopPicker } from './workshop-picker.component.js';

const OBJECTIVES: readonly AllocationObjective[] = ['sum', 'fair', 'rankMaximal'];
const TABLES = ['registrations', 'workshops', 'rankings'] as const;

/**
 * The organiser's view of a workshop picker: registration open or closed, fill levels and
 * waitlists per workshop, the allocation (an aim, a preview beside first come, first served on the
 * same rankings, workshops below their minimum, then publishing) and the exports. It keeps only
 * what belongs to the screen: the chosen aim and whether publishing is being confirmed.
 */
export class WorkshopOrganiser implements ReactiveController {
  private objective: AllocationObjective | undefined;
  private confirmingPublish = false;
  /** The workshop whose cancellation is being confirmed. */
  private confirmingCancel: string | undefined;
  /** The workshop whose seat holders are shown. */
  private showingPeople: string | undefined;
  /** The catalogue editor (its form and its refusals' words). */
  readonly editor: CatalogueEditor;

  constructor(private readonly host: OsaWorkshopPicker) {
    host.addController(this);
    this.editor = new CatalogueEditor(host);
    new RovingTabindexController(host, {
      items: () => [...(host.renderRoot?.querySelectorAll<HTMLElement>('[data-phase]') ?? [])],
      orientation: 'horizontal',
    });
  }

  hostConnected(): void {}

  private get t() {
    return this.host.t.organiser;
  }

  private act(command: string, payload: unknown): Promise<unknown> {
    this.host.feedbackAt = undefined;
    return this.host.commands.run(command, payload, { success: this.t.saved });
  }

  private download(format: 'json' | 'csv', table = 'registrations'): Promise<boolean> {
    const host = this.host;
    host.feedbackAt = undefined;
    // The CSV in the user's language: the same file as the server's `…/export?format=csv&lang=…`.
    return host.commands.act(async () => downloadExport(await host.live.exportActivity(), format, table, host.i18n.language, { labels: host.t.export }));
  }

  private async allocate(data: WorkshopsData): Promise<void> {
    this.confirmingPublish = false;
    this.host.feedbackAt = undefined;
    await this.host.commands.run('allocate', { objective: this.objective ?? data.config.objective });
  }

  private async publish(): Promise<void> {
    this.confirmingPublish = false;
    this.host.feedbackAt = undefined;
    const outcome = await this.host.commands.run('publishAllocation', {});
    if (outcome.status === 'done') this.host.commands.say({ kind: 'success', text: this.t.published(this.host.i18n.format.time(Date.now())) });
  }

  private askCancel(workshop: string | undefined, focus: string): void {
    this.confirmingCancel = workshop;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(focus)?.focus());
  }

  private async cancelWorkshop(workshop: string, title: string): Promise<void> {
    this.confirmingCancel = undefined;
    this.host.feedbackAt = undefined;
    const outcome = await this.host.commands.run('cancelWorkshop', { workshop });
    if (outcome.status === 'done') {
      this.host.commands.say({ kind: 'success', text: this.t.workshopCancelled(title) });
      // Next comes the rerun.
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('[data-allocate]')?.focus();
    }
  }

  private togglePeople(workshop: string): void {
    this.showingPeople = this.showingPeople === workshop ? undefined : workshop;
    this.host.requestUpdate();
  }

  private async move(workshop: Workshop, participant: string, number: string): Promise<void> {
    const root = this.host.renderRoot;
    const target = root.querySelector<HTMLSelectElement>(`#move-to-${number}`)?.value;
    const lock = root.querySelector<HTMLInputElement>(`#move-lock-${number}`)?.checked ?? false;
    if (!target) return;
    this.host.feedbackAt = `people:${workshop.id}`;
    const outcome = await this.host.commands.run('move', { participant, workshop: target, lock });
    if (outcome.status === 'done') {
      const title = this.host.text(this.host.config?.workshops.find((entry) => entry.id === target)?.title) || target;
      this.host.commands.say({ kind: 'success', text: this.t.personMoved(number, title) });
    }
  }

  private async setLock(workshop: Workshop, participant: string, lock: boolean): Promise<void> {
    this.host.feedbackAt = `people:${workshop.id}`;
    await this.host.commands.run('move', { participant, workshop: workshop.id, lock }, { success: this.t.saved });
  }

  /** Who holds a seat in `workshop`, each with a move to another workshop of the slot with free seats, and a lock. */
  private renderPeople(data: WorkshopsData, workshop: Workshop, numbers: Map<string, string>): TemplateResult {
    const t = this.t;
    const { config, state } = data;
    const title = this.host.text(workshop.title);
    const holders = seatHolders(state, workshop, numbers);
    const targets = config.workshops.filter(
      (other) => other.slot === workshop.slot && other.id !== workshop.id && !isCancelled(state, other.id) && seatsLeft(state, config, other.id) > 0,
    );
    const busy = this.host.commands.busy;
    return html`<div class="people stack" data-people-of=${workshop.id}>
      <h4 id="people-${workshop.id}">${t.peopleIn(title)}</h4>
      ${holders.length === 0
        ? html`<p class="muted">${t.nobodySeated}</p>`
        : html`<ul class="stack" aria-labelledby="people-${workshop.id}">
            ${holders.map(
              ({ participant, number, seat }) => html`<li class="row" data-person=${number}>
                <strong>${number}</strong>${seat.locked ? html` <span class="muted">(${t.lockedShort})</span>` : nothing}${seat.status === 'offered'
                  ? html` <span class="muted">(${t.offeredShort})</span>`
                  : nothing}
                ${targets.length === 0
                  ? nothing
                  : html`<label for="move-to-${number}">${t.moveTo(number)}</label>
                      <select id="move-to-${number}">
                        ${targets.map((other) => html`<option value=${other.id}>${this.host.text(other.title)} (${t.of(heldSeats(state, other.id), other.capacity)})</option>`)}
                      </select>
                      <label class="check"><input type="checkbox" id="move-lock-${number}" /> ${t.lockAfterMove}</label>
                      <button type="button" data-move=${number} aria-disabled=${busy ? 'true' : 'false'} @click=${() => !busy && this.move(workshop, participant, number)}>
                        ${t.move}<span class="visually-hidden">: ${number}</span>
                      </button>`}
                <button type="button" data-lock=${number} aria-disabled=${busy ? 'true' : 'false'} @click=${() => !busy && this.setLock(workshop, participant, !seat.locked)}>
                  ${seat.locked ? t.unlock : t.lock}<span class="visually-hidden">: ${number}</span>
                </button>
              </li>`,
            )}
          </ul>`}
      ${holders.length > 0 && targets.length === 0 ? html`<p class="muted">${t.noFreeSeat}</p>` : nothing}
      ${this.host.feedbackAt === `people:${workshop.id}` ? this.host.commands.render() : nothing}
    </div>`;
  }

  private renderBelow(data: WorkshopsData, entry: AllocationPreview['belowMinimum'][number], title: string): TemplateResult {
    const t = this.t;
    const row = t.belowMinimumRow(title, entry.seated, entry.minimum);
    if (isCancelled(data.state, entry.workshop)) return html`<li data-below=${entry.workshop}><span>${row}</span> <span class="warn">(${t.cancelledShort})</span></li>`;
    if (this.confirmingCancel === entry.workshop) {
      return html`<li data-below=${entry.workshop}>
        <div
          class="confirm"
          role="group"
          aria-labelledby="confirm-cancel-${entry.workshop}"
          @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.askCancel(undefined, `[data-cancel-workshop="${entry.workshop}"]`)}
        >
          <p id="confirm-cancel-${entry.workshop}">${t.confirmCancelWorkshop(title)}</p>
          <div class="row">
            <button type="button" class="danger" data-confirm-cancel-workshop @click=${() => this.cancelWorkshop(entry.workshop, title)}>${t.yesCancelWorkshop}</button>
            <button type="button" data-keep-workshop @click=${() => this.askCancel(undefined, `[data-cancel-workshop="${entry.workshop}"]`)}>${t.keepWorkshop}</button>
          </div>
        </div>
      </li>`;
    }
    return html`<li data-below=${entry.workshop}>
      <span>${row}</span>
      <button type="button" data-cancel-workshop=${entry.workshop} @click=${() => this.askCancel(entry.workshop, '[data-keep-workshop]')}>
        ${t.cancelWorkshop}<span class="visually-hidden">: ${title}</span>
      </button>
    </li>`;
  }

  private setConfirming(on: boolean, focus: string): void {
    this.confirmingPublish = on;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(focus)?.focus());
  }

  render(data: WorkshopsData): TemplateResult {
    const t = this.t;
    const { config, state, phase } = data;
    const capacity = config.workshops.reduce((sum, workshop) => sum + workshop.capacity, 0);
    const held = config.workshops.reduce((sum, workshop) => sum + heldSeats(state, workshop.id), 0);
    const waiting = Object.values(state.counts).reduce((sum, count) => sum + count.waiting, 0);
    const f = this.host.i18n.format;
    return html`<div class="organiser stack">
      <fieldset>
        <legend id="phase-legend">${t.registration}</legend>
        <div class="row" role="radiogroup" aria-labelledby="phase-legend">
          ${WORKSHOP_PHASES.map(
            (value) => html`<button
              type="button"
              role="radio"
              data-phase=${value}
              aria-checked=${phase === value ? 'true' : 'false'}
              @click=${() => phase !== value && this.act('setPhase', { phase: value })}
            >
              ${this.host.t.phase[value]}
            </button>`,
          )}
        </div>
      </fieldset>
      <section aria-labelledby="overview-title" class="stack">
        <h3 id="overview-title">${t.overview}</h3>
        <ul class="figures">
          <li><span class="figure">${f.number(held)} / ${f.number(capacity)}</span> <span class="muted">${t.seatsTaken}</span></li>
          <li><span class="figure">${f.number(waiting)}</span> <span class="muted">${t.waiting}</span></li>
          ${config.mode === 'ranked' ? html`<li><span class="figure">${f.number(state.rankedCount)}</span> <span class="muted">${t.rankedPeople}</span></li>` : nothing}
        </ul>
      </section>
      ${config.mode === 'ranked' ? this.renderAllocation(data) : nothing} ${this.renderFill(data)} ${this.editor.render(data)}
      <fieldset>
        <legend>${t.export}</legend>
        <div class="row">
          ${TABLES.map((table) => html`<button type="button" @click=${() => this.download('csv', table)}>${t.exportCsv(t.tables[table])}</button>`)}
          <button type="button" @click=${() => this.download('json')}>${t.exportJson}</button>
        </div>
      </fieldset>
    </div>`;
  }

  private renderFill(data: WorkshopsData): TemplateResult {
    const t = this.t;
    const { config, state } = data;
    const f = this.host.i18n.format;
    const below = new Set(state.preview?.belowMinimum.map((entry) => entry.workshop) ?? []);
    // Before seats are allocated, the demand says more than the (empty) fill levels.
    const firstChoices = config.mode === 'ranked' && state.publishedAt === undefined ? this.firstChoices(state) : undefined;
    const numbers = participantNumbers(state);
    return html`<section aria-labelledby="fill-title" class="stack">
      <h3 id="fill-title">${t.fill}</h3>
      ${config.slots.map((slot) => {
        const workshops = config.workshops.filter((workshop) => workshop.slot === slot.id);
        if (workshops.length === 0) return nothing;
        return html`<table class="fill-table">
          <caption>
            ${this.host.text(slot.title)}
            <span class="when">${this.host.slotTime(slot)}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.workshop}</th>
              <th scope="col">${t.held}</th>
              ${firstChoices ? html`<th scope="col" class="num">${t.firstChoices}</th>` : nothing}
              <th scope="col" class="num">${t.waitingShort}</th>
              <th scope="col" class="num">${t.minimum}</th>
              <th scope="col">${t.people}</th>
            </tr>
          </thead>
          <tbody>
            ${workshops.map((workshop) => {
              const taken = heldSeats(state, workshop.id);
              return html`<tr>
                <th scope="row">${this.host.text(workshop.title)}</th>
                <td><div class="fill-cell">${renderFill(taken, workshop.capacity)}<span class="num">${t.of(taken, workshop.capacity)}</span></div></td>
                ${firstChoices ? html`<td class="num">${f.number(firstChoices.get(workshop.id) ?? 0)}</td>` : nothing}
                <td class="num">${f.number(state.counts[workshop.id]?.waiting ?? 0)}</td>
                <td class="num">
                  ${workshop.minimum === undefined ? '–' : f.number(workshop.minimum)}${isCancelled(state, workshop.id)
                    ? html` <span class="warn">(${t.cancelledShort})</span>`
                    : below.has(workshop.id)
                      ? html` <span class="warn">(${t.belowMinimumShort})</span>`
                      : nothing}
                </td>
                <td>
                  <button
                    type="button"
                    data-people=${workshop.id}
                    aria-expanded=${this.showingPeople === workshop.id ? 'true' : 'false'}
                    aria-controls="people-row-${workshop.id}"
                    @click=${() => this.togglePeople(workshop.id)}
                  >
                    ${t.people}<span class="visually-hidden">: ${t.showPeople(this.host.text(workshop.title), taken)}</span>
                  </button>
                </td>
              </tr>
              <tr id="people-row-${workshop.id}" ?hidden=${this.showingPeople !== workshop.id}>
                ${this.showingPeople === workshop.id ? html`<td colspan=${firstChoices ? 6 : 5}>${this.renderPeople(data, workshop, numbers)}</td>` : nothing}
              </tr>`;
            })}
          </tbody>
        </table>`;
      })}
    </section>`;
  }

  /** How many people ranked each workshop first. */
  private firstChoices(state: WorkshopsData['state']): Map<string, number> {
    const counts = new Map<string, number>();
    for (const record of Object.values(state.participants)) {
      for (const [first] of Object.values(record.ranking)) if (first !== undefined) counts.set(first, (counts.get(first) ?? 0) + 1);
    }
    return counts;
  }

  private renderAllocation(data: WorkshopsData): TemplateResult {
    const t = this.t;
    const { config, state } = data;
    const objective = this.objective ?? config.objective;
    const busy = this.host.commands.busy;
    return html`<section aria-labelledby="allocation-title" class="stack allocation">
      <h3 id="allocation-title">${t.allocation}</h3>
      <p class="muted">${t.allocationHelp}</p>
      <fieldset>
        <legend>${t.objective}</legend>
        <div class="stack">
          ${OBJECTIVES.map(
            (value) => html`<label class="radio">
              <input
                type="radio"
                name="objective"
                value=${value}
                .checked=${objective === value}
                aria-describedby="objective-${value}"
                @change=${() => {
                  this.objective = value;
                  this.host.requestUpdate();
                }}
              />
              <span>${t.objectives[value]}<span class="muted small block" id="objective-${value}">${t.objectiveHelp[value]}</span></span>
            </label>`,
          )}
        </div>
      </fieldset>
      <div class="row">
        <button type="button" class=${state.preview ? '' : 'primary'} data-allocate aria-disabled=${busy ? 'true' : 'false'} @click=${() => !busy && this.allocate(data)}>
          ${state.preview || state.publishedAt !== undefined ? t.rerun : t.run}
        </button>
        ${state.publishedAt !== undefined ? html`<span class="muted">${t.published(this.host.i18n.format.time(state.publishedAt))}</span>` : nothing}
      </div>
      ${state.preview ? this.renderPreview(data, state.preview) : nothing}
    </section>`;
  }

  private renderPreview(data: WorkshopsData, preview: AllocationPreview): TemplateResult {
    const t = this.t;
    const f = this.host.i18n.format;
    const total = preview.profile.reduce((sum, count) => sum + count, 0) + preview.outside + preview.unseated;
    const rows: Array<[string, number, number | undefined]> = [
      ...preview.profile.map((count, index): [string, number, number] => [t.choice(index + 1), count, preview.firstCome.profile[index] ?? 0]),
      [t.outside, preview.outside, preview.firstCome.outside],
      [t.unseated, preview.unseated, preview.firstCome.unseated],
    ];
    const people = Object.keys(preview.assignments).length;
    const title = (id: string) => this.host.text(data.config.workshops.find((workshop) => workshop.id === id)?.title) || id;
    return html`<div class="preview stack" part="preview">
      <h4>${t.preview}</h4>
      <p class="muted">${t.previewAt(f.time(preview.at))}</p>
      <p class="headline">${t.headline(preview.profile[0] ?? 0, total)}</p>
      <table class="comparison">
        <caption class="visually-hidden">${t.comparison}</caption>
        <thead>
          <tr>
            <td></td>
            <th scope="col">${t.thisAllocation} <span class="muted small block">${t.objectives[preview.objective]}</span></th>
            <th scope="col">${t.firstCome}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            ([label, count, firstCome]) => html`<tr>
              <th scope="row">${label}</th>
              <td><div class="fill-cell">${renderFill(count, Math.max(1, total), 'plain')}<span class="num">${f.number(count)}</span></div></td>
              <td>
                ${firstCome === undefined ? '–' : html`<div class="fill-cell">${renderFill(firstCome, Math.max(1, total), 'other')}<span class="num">${f.number(firstCome)}</span></div>`}
              </td>
            </tr>`,
          )}
          <tr>
            <th scope="row">${t.moved}</th>
            <td class="num">${f.number(preview.moved)}</td>
            <td class="num">–</td>
          </tr>
        </tbody>
      </table>
      <h5>${t.belowMinimum}</h5>
      ${preview.belowMinimum.length === 0
        ? html`<p class="muted">${t.noneBelowMinimum}</p>`
        : html`<ul class="below">
            ${preview.belowMinimum.map((entry) => this.renderBelow(data, entry, title(entry.workshop)))}
          </ul>`}
      ${this.confirmingPublish
        ? html`<div class="confirm" role="group" aria-labelledby="confirm-publish" @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.setConfirming(false, '[data-publish]')}>
            <p id="confirm-publish">${t.confirmPublish(people)}</p>
            <div class="row">
              <button type="button" class="primary" data-confirm-publish @click=${() => this.publish()}>${t.yesPublish}</button>
              <button type="button" data-keep-preview @click=${() => this.setConfirming(false, '[data-publish]')}>${t.keepPreview}</button>
            </div>
          </div>`
        : html`<div class="row"><button type="button" class="primary" data-publish @click=${() => this.setConfirming(true, '[data-keep-preview]')}>${t.publish}</button></div>`}
    </div>`;
  }
}
