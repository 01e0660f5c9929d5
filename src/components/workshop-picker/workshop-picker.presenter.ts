import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { heldSeats, seatsLeft, type WorkshopsData } from '../../core/workshops/workshops.view.js';
import { renderConnection } from '../../kit/activity-view.js';
import { renderFill } from './cards.js';
import { LOW_SEATS } from './seat-watch-controller.js';
import type { OsaWorkshopPicker } from './workshop-picker.component.js';
import '../join-code/join-code.js';
import { joinLink } from '../../kit/presenter.js';

/** Up to this many workshops on screen get large tiles; above `DENSE` they get small ones, so every slot still fits. */
const ROOMY = 6;
const DENSE = 12;

/**
 * The presenter view, for a screen in the lobby or beside a stream: the live fill level of every
 * workshop (or of one time slot, `time-slot`), big enough to read across a room, the totals and
 * the join code. Nothing in it is operable except the full-screen button for whoever runs it.
 */
export class WorkshopPresenter implements ReactiveController {
  private readonly onFullscreenChange = (): void => this.host.requestUpdate();

  constructor(private readonly host: OsaWorkshopPicker) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('fullscreenchange', this.onFullscreenChange);
  }

  private get fullscreen(): boolean {
    return this.host.matches(':fullscreen');
  }

  private toggleFullscreen(): void {
    if (this.fullscreen) void document.exitFullscreen().catch(() => undefined);
    else void this.host.requestFullscreen().catch(() => undefined);
  }


  render(data: WorkshopsData, title: string): TemplateResult {
    const host = this.host;
    const t = host.t.presenter;
    const f = host.i18n.format;
    const { config, state } = data;
    const slots = config.slots.filter((slot) => !host.timeSlot || slot.id === host.timeSlot);
    const shown = config.workshops.filter((workshop) => slots.some((slot) => slot.id === workshop.slot));
    const capacity = shown.reduce((sum, workshop) => sum + workshop.capacity, 0);
    const taken = shown.reduce((sum, workshop) => sum + heldSeats(state, workshop.id), 0);
    const waiting = shown.reduce((sum, workshop) => sum + (state.counts[workshop.id]?.waiting ?? 0), 0);
    const counters: Array<[number, (count: number) => string]> = [
      [taken, t.taken],
      [Math.max(0, capacity - taken), t.free],
      ...(config.mode === 'ranked' && state.publishedAt === undefined ? [[state.rankedCount, t.rankedNoun] as [number, (count: number) => string]] : []),
      ...(waiting > 0 ? [[waiting, t.waitingNoun] as [number, (count: number) => string]] : []),
    ];
    return html`<div class="presenter ${shown.length <= ROOMY ? 'roomy' : shown.length > DENSE ? 'dense' : ''}" part="presenter">
      <header class="presenter-head">
        <div class="titles">
          <h2 id="picker-title">${title}</h2>
          <p class="phase-line">${host.t.phase[data.phase as keyof typeof host.t.phase] ?? data.phase}</p>
        </div>
        <ul class="counters">
          ${counters.map(([count, noun]) => html`<li><span class="count">${f.number(count)}</span> <span class="noun">${noun(count)}</span></li>`)}
        </ul>
        ${document.fullscreenEnabled
          ? html`<div class="tools">
              <button type="button" data-fullscreen @click=${() => this.toggleFullscreen()}>${this.fullscreen ? t.exitFullscreen : t.fullscreen}</button>
            </div>`
          : nothing}
        ${renderConnection(host.live, host.i18n.msg)}
      </header>
      <div class="board-area">
        ${slots.map((slot) => {
          const workshops = config.workshops.filter((workshop) => workshop.slot === slot.id);
          if (workshops.length === 0) return nothing;
          return html`<section class="tile-slot" aria-labelledby="screen-slot-${slot.id}">
            <h3 id="screen-slot-${slot.id}">${host.text(slot.title)} <span class="when">${host.slotTime(slot)}</span></h3>
            <ul class="tiles">
              ${repeat(
                workshops,
                (workshop) => workshop.id,
                (workshop) => {
                  const left = seatsLeft(state, config, workshop.id);
                  const queue = state.counts[workshop.id]?.waiting ?? 0;
                  return html`<li class="tile ${left === 0 ? 'is-full' : left <= LOW_SEATS ? 'is-low' : ''}" data-workshop=${workshop.id}>
                    <span class="tile-title">${host.text(workshop.title)}</span>
                    ${renderFill(heldSeats(state, workshop.id), workshop.capacity)}
                    <span class="tile-figures">
                      <span class="left">${left === 0 ? t.full : t.seatsLeft(left)}</span>
                      ${queue > 0 ? html`<span class="queue">${t.waiting(queue)}</span>` : nothing}
                    </span>
                  </li>`;
                },
              )}
            </ul>
          </section>`;
        })}
      </div>
      <aside class="join">
        <osa-join-code url=${joinLink(this.host.joinUrl)}></osa-join-code>
      </aside>
    </div>`;
  }
}
