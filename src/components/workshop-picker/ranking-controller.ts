import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Slot, Workshop, WorkshopsConfig } from '../../core/workshops/workshops.view.js';
import type { OsaWorkshopPicker } from './workshop-picker.component.js';

type Ranking = Record<string, string[]>;

const sameRanking = (a: Ranking, b: Ranking): boolean => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((slot) => (a[slot] ?? []).join(' ') === (b[slot] ?? []).join(' '));
};

/**
 * The participant's ranking in ranked mode: a draft on top of the ranking they sent (the snapshot's),
 * changed with buttons or Alt + arrow keys, every move announced politely, and sent with `rank`.
 * The draft is also the picker's form value.
 */
export class RankingController implements ReactiveController {
  /** Slot → workshop ids, best first; `undefined` while it is the sent ranking. */
  private draft: Ranking | undefined;
  /** The control to focus after the next update (a moved choice loses focus when its row moves). */
  private focusAfter: string | undefined;

  constructor(private readonly host: OsaWorkshopPicker) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostUpdated(): void {
    if (this.focusAfter === undefined) return;
    const selector = this.focusAfter;
    this.focusAfter = undefined;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** The ranking sent to the back end. */
  private get sent(): Ranking {
    return this.host.mine?.ranking ?? {};
  }

  /** The ranking on screen: the draft, or the sent one. */
  get current(): Ranking {
    return this.draft ?? this.sent;
  }

  /** Whether the screen holds changes not sent yet. */
  get changed(): boolean {
    return this.draft !== undefined && !sameRanking(this.draft, this.sent);
  }

  /** Workshop ids in slot order, best first within each slot: what `rank` takes and the form submits. */
  choices(config: WorkshopsConfig | undefined): string[] {
    const current = this.current;
    if (!config) return Object.values(current).flat();
    return config.slots.flatMap((slot) => current[slot.id] ?? []);
  }

  /** Back to the sent ranking (`form.reset()`). */
  reset(): void {
    this.draft = undefined;
    this.host.requestUpdate();
  }

  /** Takes a ranking the browser kept for back/forward navigation. */
  restore(ranking: Ranking): void {
    this.draft = ranking;
    this.host.requestUpdate();
  }

  private edit(slot: string, change: (list: string[]) => string[]): void {
    this.draft = { ...this.current, [slot]: change([...(this.current[slot] ?? [])]) };
    if (this.draft[slot].length === 0) delete this.draft[slot];
    this.host.requestUpdate();
    this.host.participantChanged();
  }

  position(workshop: Workshop): number | undefined {
    const index = (this.current[workshop.slot] ?? []).indexOf(workshop.id);
    return index === -1 ? undefined : index + 1;
  }

  toggle(workshop: Workshop, k: number): void {
    const t = this.host.t.ranking;
    const title = this.host.text(workshop.title);
    const list = this.current[workshop.slot] ?? [];
    if (list.includes(workshop.id)) {
      this.edit(workshop.slot, (items) => items.filter((id) => id !== workshop.id));
      this.host.announce(t.removed(title));
    } else if (list.length < k) {
      this.edit(workshop.slot, (items) => [...items, workshop.id]);
      this.host.announce(t.added(title, list.length + 1));
    }
  }

  private remove(slot: string, workshop: Workshop): void {
    const list = this.current[slot] ?? [];
    const index = list.indexOf(workshop.id);
    this.edit(slot, (items) => items.filter((id) => id !== workshop.id));
    this.host.announce(this.host.t.ranking.removed(this.host.text(workshop.title)));
    // Focus stays in the list: on the choice that took this one's place, else the one before, else the card's button.
    const next = list[index + 1] ?? list[index - 1];
    this.focusAfter = next ? `[data-choice="${next}"] [data-control="remove"]` : `[data-action="${workshop.id}"]`;
  }

  /** Moves a choice by `delta` places; focus stays on the same control of the moved choice. */
  move(slot: string, workshop: Workshop, delta: number, control: string): void {
    const list = this.current[slot] ?? [];
    const from = list.indexOf(workshop.id);
    const to = from + delta;
    if (from === -1 || to < 0 || to >= list.length) return;
    this.edit(slot, (items) => {
      items.splice(from, 1);
      items.splice(to, 0, workshop.id);
      return items;
    });
    this.host.announce(this.host.t.ranking.moved(this.host.text(workshop.title), to + 1, list.length));
    this.focusAfter = `[data-choice="${workshop.id}"] [data-control="${control}"]`;
  }

  /** Alt (or Option) + ↑/↓ on any control of a choice moves it. */
  private onKey(event: KeyboardEvent, slot: string, workshop: Workshop): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const control = (event.composedPath()[0] as HTMLElement).dataset.control ?? 'up';
    this.move(slot, workshop, event.key === 'ArrowUp' ? -1 : 1, control);
  }

  async send(): Promise<void> {
    const host = this.host;
    const choices = this.choices(host.config);
    host.feedbackAt = 'ranking';
    const outcome = await host.commands.run('rank', { choices });
    if (outcome.status === 'done' || outcome.status === 'queued') {
      if (outcome.status === 'done') {
        this.draft = undefined;
        host.commands.say({ kind: 'success', text: host.t.ranking.sent });
      } else {
        host.commands.say({ kind: 'warning', text: host.t.queued });
      }
      host.emit('osa-ranking-sent', { choices, queued: outcome.status === 'queued' });
    }
  }

  /** "My ranking": each slot's choices, reorderable, and the send button. */
  render(config: WorkshopsConfig, editable: boolean): TemplateResult {
    const t = this.host.t.ranking;
    const current = this.current;
    return html`<div class="stack">
      ${editable ? html`<p class="muted small" id="ranking-keys">${t.keys}</p>` : nothing}
      ${config.slots.map((slot) => this.renderSlot(slot, current[slot.id] ?? [], config, editable))}
      ${editable
        ? html`<div class="send-row">
            <button type="button" class="primary" data-send-ranking ?disabled=${this.host.actionsDisabled} @click=${() => !this.host.commands.busy && this.send()}>${t.send}</button>
            <p class="small ${this.changed ? 'unsent' : 'muted'}" role="status">${this.changed ? t.unsent : Object.keys(this.sent).length > 0 ? t.upToDate : ''}</p>
          </div>`
        : nothing}
    </div>`;
  }

  private renderSlot(slot: Slot, list: string[], config: WorkshopsConfig, editable: boolean): TemplateResult {
    const t = this.host.t.ranking;
    const host = this.host;
    const titleId = `ranking-${slot.id}`;
    const byId = new Map(config.workshops.map((workshop) => [workshop.id, workshop]));
    const chosen = list.map((id) => byId.get(id)).filter((workshop): workshop is Workshop => workshop !== undefined);
    const disabled = host.actionsDisabled;
    return html`<section class="ranking-slot" aria-labelledby=${titleId}>
      <h4 id=${titleId} tabindex="-1" data-slot-anchor=${slot.id}>
        ${t.slotTitle(host.text(slot.title), chosen.length, config.choicesPerSlot)}
        <span class="when">${host.slotTime(slot)}</span>
      </h4>
      ${chosen.length === 0
        ? html`<p class="muted small">${t.empty}</p>`
        : html`<ol class="choices" part="ranking" aria-labelledby=${titleId} aria-describedby=${editable ? 'ranking-keys' : nothing}>
            ${repeat(
              chosen,
              (workshop) => workshop.id,
              (workshop, index) => {
                const title = host.text(workshop.title);
                const first = index === 0;
                const last = index === chosen.length - 1;
                return html`<li data-choice=${workshop.id} @keydown=${(event: KeyboardEvent) => editable && this.onKey(event, slot.id, workshop)}>
                  <span class="place" aria-hidden="true">${index + 1}</span>
                  <span class="choice-title">${title}</span>
                  ${editable
                    ? html`<span class="choice-tools">
                        <button
                          type="button"
                          class="icon"
                          data-control="up"
                          aria-disabled=${first || disabled ? 'true' : 'false'}
                          @click=${() => !first && !disabled && this.move(slot.id, workshop, -1, 'up')}
                        >
                          <span aria-hidden="true">↑</span><span class="visually-hidden">${t.moveUp}: ${title}</span>
                        </button>
                        <button
                          type="button"
                          class="icon"
                          data-control="down"
                          aria-disabled=${last || disabled ? 'true' : 'false'}
                          @click=${() => !last && !disabled && this.move(slot.id, workshop, 1, 'down')}
                        >
                          <span aria-hidden="true">↓</span><span class="visually-hidden">${t.moveDown}: ${title}</span>
                        </button>
                        <button type="button" class="icon" data-control="remove" aria-disabled=${disabled ? 'true' : 'false'} @click=${() => !disabled && this.remove(slot.id, workshop)}>
                          <span aria-hidden="true">✕</span><span class="visually-hidden">${t.remove}: ${title}</span>
                        </button>
                      </span>`
                    : nothing}
                </li>`;
              },
            )}
          </ol>`}
    </section>`;
  }
}
