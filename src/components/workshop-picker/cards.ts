import { html, nothing, svg, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { heldSeats, isCancelled, seatsLeft, type Seat, type Workshop, type WorkshopsConfig, type WorkshopsState } from '../../core/workshops/workshops.view.js';
import { ICONS } from './icons.js';
import { LOW_SEATS } from './seat-watch-controller.js';
import type { OsaWorkshopPicker } from './workshop-picker.component.js';

const percent = (value: number) => `${Math.min(100, Math.max(0, value)).toFixed(1)}%`;

/**
 * How full a workshop is, for sighted readers (the numbers are in the text). SVG geometry, never a
 * `style` attribute, which a strict Content-Security-Policy blocks.
 */
export function renderFill(held: number, capacity: number, tone: 'level' | 'plain' | 'other' = 'level'): TemplateResult {
  const share = capacity > 0 ? (100 * held) / capacity : 100;
  const level = tone !== 'level' ? tone : share >= 100 ? 'full' : share >= 80 ? 'high' : 'ok';
  return html`<svg class="fill ${level}" aria-hidden="true" focusable="false">
    ${svg`<rect class="bar" width=${percent(share)} height="100%" rx="3"></rect>`}
  </svg>`;
}

/** The catalogue: the workshops the filters leave, by time slot, each a card with its seats and the participant's action. */
export function renderCatalogue(host: OsaWorkshopPicker, config: WorkshopsConfig, state: WorkshopsState): TemplateResult {
  const t = host.t.catalogue;
  const { groups, shown } = host.catalogue.groups(config, state);
  return html`<section class="catalogue stack" aria-labelledby="catalogue-title">
    <h3 id="catalogue-title">${t.title}</h3>
    ${config.workshops.length === 0
      ? html`<p class="empty">${t.empty}</p>`
      : html`${host.catalogue.render(config, shown, host.claiming)}
        ${shown === 0 ? html`<p class="empty">${t.noMatch}</p>` : nothing}
        ${groups.map(
          ({ slot, workshops }) => html`<section class="slot" part="slot" aria-labelledby="slot-${slot.id}">
            <header class="slot-head">
              <h4 id="slot-${slot.id}">${host.text(slot.title)}</h4>
              <span class="when">${host.slotTime(slot)}</span>
              <span class="muted small">${t.inSlot(workshops.length)}</span>
            </header>
            ${renderSlotNote(host, slot.id, config)}
            <ul class="cards">
              ${repeat(
                workshops,
                (workshop) => workshop.id,
                (workshop) => renderCard(host, workshop, config, state),
              )}
            </ul>
          </section>`,
        )}`}
  </section>`;
}

/** "You have X in this time slot", where claiming another would clash. */
function renderSlotNote(host: OsaWorkshopPicker, slot: string, config: WorkshopsConfig): TemplateResult | typeof nothing {
  const taken = host.claiming || host.staticCatalogue ? host.placeIn(slot) : undefined;
  if (!taken) return nothing;
  const title = host.text(config.workshops.find((workshop) => workshop.id === taken.workshop)?.title);
  const waiting = taken.status === 'waitlisted';
  return html`<p class="slot-note ${waiting ? 'waiting' : ''}" id="note-${slot}">${waiting ? host.t.slotWaiting(title) : host.t.slotTaken(title)}</p>`;
}

function renderCard(host: OsaWorkshopPicker, workshop: Workshop, config: WorkshopsConfig, state: WorkshopsState): TemplateResult {
  const t = host.t.card;
  const title = host.text(workshop.title);
  const description = host.text(workshop.description);
  const seat = host.placeIn(workshop.slot);
  const pending = host.seatWatch.pending[workshop.slot];
  const mine = seat?.workshop === workshop.id ? seat : undefined;
  const waitingWrite = pending?.workshop === workshop.id ? pending : undefined;
  // Before publication only: afterwards the seat says which choice it was.
  const rankPosition = host.ranks ? host.ranking.position(workshop) : undefined;
  const cancelled = isCancelled(state, workshop.id);
  const classes = [
    'card',
    cancelled ? 'cancelled' : '',
    mine?.status === 'confirmed' || mine?.status === 'assigned' ? 'mine' : '',
    mine?.status === 'waitlisted' || mine?.status === 'offered' ? 'waiting' : '',
    rankPosition ? 'ranked' : '',
  ].join(' ');
  return html`<li class=${classes} part="workshop" data-workshop=${workshop.id}>
    <article aria-labelledby="title-${workshop.id}">
      ${workshop.theme || workshop.level
        ? html`<p class="chips">
            ${workshop.theme ? html`<span class="chip theme">${host.text(workshop.theme)}</span>` : nothing}
            ${workshop.level ? html`<span class="chip level">${host.text(workshop.level)}</span>` : nothing}
          </p>`
        : nothing}
      <h5 id="title-${workshop.id}">${title}</h5>
      ${description ? html`<p class="description">${description}</p>` : nothing}
      <dl class="facts">
        ${workshop.place
          ? html`<div>
              <dt>${t.place}</dt>
              <dd>${workshop.place}</dd>
            </div>`
          : nothing}
        ${workshop.link
          ? html`<div>
              <dt>${t.online}</dt>
              <dd><a href=${workshop.link} target="_blank" rel="noopener noreferrer">${t.joinLink}<span class="visually-hidden">: ${title}</span></a></dd>
            </div>`
          : nothing}
        ${workshop.facilitator
          ? html`<div>
              <dt>${t.facilitator}</dt>
              <dd>${workshop.facilitator}</dd>
            </div>`
          : nothing}
      </dl>
      ${cancelled
        ? html`<p class="status cancelled" data-cancelled>${t.cancelledWorkshop}</p>`
        : html`${renderSeats(host, workshop, config, state)} ${renderStatus(host, mine, waitingWrite, rankPosition)} ${renderActions(host, workshop, config, mine, waitingWrite)}`}
      ${host.feedbackAt === workshop.id ? host.commands.render() : nothing}
    </article>
  </li>`;
}

function renderSeats(host: OsaWorkshopPicker, workshop: Workshop, config: WorkshopsConfig, state: WorkshopsState): TemplateResult {
  const t = host.t.card;
  const held = heldSeats(state, workshop.id);
  const left = seatsLeft(state, config, workshop.id);
  const waiting = state.counts[workshop.id]?.waiting ?? 0;
  // Ranked: seats come with the allocation; a static programme does not know who has registered.
  if (host.ranks || host.staticCatalogue) return html`<p class="seats seats-text muted">${t.capacity(workshop.capacity)}</p>`;
  // "Join the waitlist" is for those who could: not for whoever has a place in this time slot already.
  const claimable = host.claiming && !host.placeIn(workshop.slot);
  const text = left === 0 ? (claimable ? t.full : t.fullClosed) : left <= LOW_SEATS ? t.fewLeft(left) : t.seatsLeft(left, workshop.capacity);
  return html`<div class="seats ${left === 0 ? 'is-full' : left <= LOW_SEATS ? 'is-low' : ''}">
    ${renderFill(held, workshop.capacity)}
    <p class="seats-text">${text}${waiting > 0 ? html` · <span class="muted">${t.waiting(waiting)}</span>` : nothing}</p>
  </div>`;
}

function renderStatus(host: OsaWorkshopPicker, mine: Seat | undefined, waitingWrite: { action: string } | undefined, rankPosition: number | undefined): TemplateResult | typeof nothing {
  const t = host.t.card;
  if (waitingWrite) {
    return html`<p class="status queued">${ICONS.upload} <span>${waitingWrite.action === 'claim' ? t.queuedClaim : t.queuedCancel}</span></p>`;
  }
  if (mine && host.staticCatalogue) return html`<p class="status held">${ICONS.check} <span>${t.planned}</span></p>`;
  if (mine?.status === 'offered') {
    // Compared with the clock: a lapsed offer is never shown as one to accept.
    return host.lapsed(mine)
      ? html`<p class="status lost" data-offer-lapsed>${ICONS.clock} <span>${t.offerLapsed}</span></p>`
      : html`<p class="status offered" data-offered>${ICONS.clock} <span>${t.offered(host.deadline(mine))}</span></p>`;
  }
  if (mine) {
    const text = mine.status === 'waitlisted' ? t.waitlisted(mine.position ?? 1) : mine.status === 'assigned' ? t.assigned(mine.rank) : t.yourSeat;
    return html`<p class="status ${mine.status === 'waitlisted' ? 'waiting' : 'held'}">
      ${mine.status === 'waitlisted' ? ICONS.clock : ICONS.check} <span>${text}${mine.locked ? html` · ${t.locked}` : nothing}</span>
    </p>`;
  }
  if (rankPosition) return html`<p class="status ranked">${ICONS.star} <span>${t.ranked(rankPosition)}</span></p>`;
  return nothing;
}

/**
 * The card's action: one button whose words follow the participant's place (claim, join the
 * waitlist, cancel, leave; add to or remove from the ranking), so focus stays on it as they change;
 * and the inline confirmation of a cancellation.
 */
function renderActions(host: OsaWorkshopPicker, workshop: Workshop, config: WorkshopsConfig, mine: Seat | undefined, waitingWrite: { action: string } | undefined): TemplateResult | typeof nothing {
  const t = host.t.card;
  const title = host.text(workshop.title);
  const disabled = host.actionsDisabled;
  if (host.rankingOpen) {
    const list = host.ranking.current[workshop.slot] ?? [];
    const inList = list.includes(workshop.id);
    const full = !inList && list.length >= config.choicesPerSlot;
    return html`<div class="actions">
      <button
        type="button"
        data-action=${workshop.id}
        class=${inList ? '' : 'primary'}
        ?disabled=${disabled}
        aria-disabled=${full ? 'true' : 'false'}
        aria-describedby=${full ? `full-${workshop.slot}` : nothing}
        @click=${() => !full && host.ranking.toggle(workshop, config.choicesPerSlot)}
      >
        ${inList ? t.unrank : t.rank}<span class="visually-hidden">: ${title}</span>
      </button>
      ${full ? html`<span class="muted small" id="full-${workshop.slot}">${t.rankFull(config.choicesPerSlot)}</span>` : nothing}
    </div>`;
  }
  if (host.staticCatalogue) return renderPlanAction(host, workshop, mine !== undefined);
  if (mine?.status === 'offered' && !waitingWrite) return renderOffer(host, workshop, mine);
  if (!host.claiming || waitingWrite || mine?.locked) return nothing;
  if (host.confirming === workshop.id && mine) {
    const leaving = mine.status === 'waitlisted';
    return html`<div class="confirm" role="group" aria-labelledby="confirm-${workshop.id}" @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && host.keep(workshop)}>
      <p id="confirm-${workshop.id}">${leaving ? t.confirmLeave(title) : t.confirmCancel(title)}</p>
      <div class="row">
        <button type="button" class="danger" data-confirm ?disabled=${disabled} @click=${() => host.cancel(workshop)}>${leaving ? t.yesLeave : t.yesCancel}</button>
        <button type="button" data-keep @click=${() => host.keep(workshop)}>${t.keep}</button>
      </div>
    </div>`;
  }
  const clash = !mine && host.placeIn(workshop.slot) !== undefined;
  const full = seatsLeft(host.live.snapshot!.state, config, workshop.id) === 0;
  const label = mine ? (mine.status === 'waitlisted' ? t.leaveWaitlist : t.cancel) : full ? t.joinWaitlist : t.claim;
  return html`<div class="actions">
    <button
      type="button"
      data-action=${workshop.id}
      class=${mine ? '' : clash ? 'clash' : 'primary'}
      ?disabled=${disabled}
      aria-disabled=${clash ? 'true' : 'false'}
      aria-describedby=${clash ? `note-${workshop.slot}` : nothing}
      @click=${() => (mine ? host.askCancel(workshop) : host.claim(workshop))}
    >
      ${label}<span class="visually-hidden">: ${title}</span>
    </button>
  </div>`;
}

/**
 * An offered seat: accept it (the first button, where focus lands) or decline it after an inline
 * confirmation. Accepting stays possible after registration closes; a lapsed offer has no actions.
 */
function renderOffer(host: OsaWorkshopPicker, workshop: Workshop, seat: Seat): TemplateResult | typeof nothing {
  const t = host.t.card;
  const title = host.text(workshop.title);
  const disabled = host.actionsDisabled;
  if (host.lapsed(seat)) return nothing;
  if (host.confirming === workshop.id) {
    return html`<div class="confirm" role="group" aria-labelledby="confirm-${workshop.id}" @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && host.keep(workshop)}>
      <p id="confirm-${workshop.id}">${t.confirmDecline(title)}</p>
      <div class="row">
        <button type="button" class="danger" data-confirm ?disabled=${disabled} @click=${() => host.cancel(workshop)}>${t.yesDecline}</button>
        <button type="button" data-keep @click=${() => host.keep(workshop)}>${t.keep}</button>
      </div>
    </div>`;
  }
  const open = host.live.snapshot?.phase === 'open';
  return html`<div class="actions row">
    <button type="button" class="primary" data-action=${workshop.id} data-accept ?disabled=${disabled} @click=${() => host.accept(workshop)}>
      ${t.acceptOffer}<span class="visually-hidden">: ${title}</span>
    </button>
    ${open
      ? html`<button type="button" data-decline=${workshop.id} ?disabled=${disabled} @click=${() => host.askCancel(workshop)}>
          ${t.declineOffer}<span class="visually-hidden">: ${title}</span>
        </button>`
      : nothing}
  </div>`;
}

/** A static catalogue's card action: add the workshop to the schedule on this device, or remove it. */
function renderPlanAction(host: OsaWorkshopPicker, workshop: Workshop, planned: boolean): TemplateResult {
  const t = host.t.card;
  const clash = !planned && host.placeIn(workshop.slot) !== undefined;
  return html`<div class="actions">
    <button
      type="button"
      data-action=${workshop.id}
      class=${planned ? '' : clash ? 'clash' : 'primary'}
      ?disabled=${host.actionsDisabled}
      aria-disabled=${clash ? 'true' : 'false'}
      aria-describedby=${clash ? `note-${workshop.slot}` : nothing}
      @click=${() => host.togglePlan(workshop)}
    >
      ${planned ? t.planRemove : t.planAdd}<span class="visually-hidden">: ${host.text(workshop.title)}</span>
    </button>
  </div>`;
}
