import { html, nothing, type TemplateResult } from 'lit';
import type { Seat, Workshop, WorkshopsConfig } from '../../core/workshops/workshops.view.js';
import { downloadCalendar, type CalendarEvent } from './ics.js';
import { ICONS } from './icons.js';
import type { OsaWorkshopPicker } from './workshop-picker.component.js';

/** The participant's workshops with a seat (confirmed or allocated) and a time, as calendar events. */
export function scheduleEvents(host: OsaWorkshopPicker, config: WorkshopsConfig): CalendarEvent[] {
  const snapshot = host.live.snapshot!;
  const t = host.t.card;
  return config.slots.flatMap((slot) => {
    // Seats that are the participant's: not a place in line, an offer not yet accepted or a write waiting offline.
    const seat = host.seatWatch.pending[slot.id] ? undefined : host.placeIn(slot.id);
    const workshop = seat?.status === 'confirmed' || seat?.status === 'assigned' ? config.workshops.find((entry) => entry.id === seat.workshop) : undefined;
    if (!workshop || !slot.start || !slot.end) return [];
    const details = [host.text(workshop.description), workshop.facilitator ? `${t.facilitator}: ${workshop.facilitator}` : '', workshop.link ? `${t.online}: ${workshop.link}` : '']
      .filter(Boolean)
      .join('\n');
    return [
      {
        uid: `${snapshot.eventId}-${snapshot.id}-${workshop.id}@osallistu`,
        start: slot.start,
        end: slot.end,
        summary: host.text(workshop.title),
        ...(details ? { description: details } : {}),
        ...(workshop.place ? { location: workshop.place } : workshop.link ? { location: workshop.link } : {}),
        ...(workshop.link ? { url: workshop.link } : {}),
      },
    ];
  });
}

export function downloadSchedule(host: OsaWorkshopPicker, config: WorkshopsConfig): void {
  const snapshot = host.live.snapshot!;
  downloadCalendar({ name: host.text(snapshot.title) || host.t.label, events: scheduleEvents(host, config) }, `${snapshot.eventId}-${host.t.schedule.fileName}`);
}

/** "My schedule": each time slot with the participant's workshop and its status, and the calendar file. */
export function renderSchedule(host: OsaWorkshopPicker, config: WorkshopsConfig): TemplateResult {
  const t = host.t.schedule;
  const events = scheduleEvents(host, config);
  return html`<div class="stack">
    <ol class="schedule" part="schedule">
      ${config.slots.map((slot) => {
        const seat = host.placeIn(slot.id);
        const pending = host.seatWatch.pending[slot.id];
        const workshopId = pending?.action === 'claim' ? pending.workshop : seat?.workshop;
        const workshop = config.workshops.find((entry) => entry.id === workshopId);
        return html`<li class=${workshop ? 'has-seat' : ''}>
          <h4 id="schedule-${slot.id}" tabindex="-1" data-slot-anchor=${slot.id}>
            ${host.text(slot.title)} <span class="when">${host.slotTime(slot)}</span>
          </h4>
          ${workshop ? renderEntry(host, workshop, seat, pending !== undefined) : html`<p class="muted small">${host.published ? t.noSeat : t.nothing}</p>`}
        </li>`;
      })}
    </ol>
    ${events.length > 0
      ? html`<div class="stack">
          <button type="button" data-download-ics @click=${() => downloadSchedule(host, config)}>${ICONS.calendar} ${t.download}</button>
          <p class="muted small">${host.staticCatalogue ? t.planHelp : t.downloadHelp}</p>
        </div>`
      : nothing}
  </div>`;
}

function renderEntry(host: OsaWorkshopPicker, workshop: Workshop, seat: Seat | undefined, queued: boolean): TemplateResult {
  const t = host.t.schedule;
  const status = queued
    ? { text: t.status.queued, tone: 'queued' }
    : host.staticCatalogue
      ? { text: host.t.card.planned, tone: 'held' }
      : seat?.status === 'waitlisted'
      ? { text: t.status.waitlisted(seat.position ?? 1), tone: 'waiting' }
      : seat?.status === 'offered'
        ? host.lapsed(seat)
          ? { text: host.t.card.offerLapsed, tone: 'waiting' }
          : { text: t.status.offered(host.deadline(seat)), tone: 'waiting' }
      : seat?.status === 'assigned'
        ? { text: host.t.card.assigned(seat.rank), tone: 'held' }
        : { text: t.status.confirmed, tone: 'held' };
  return html`<p class="entry-title">${host.text(workshop.title)}</p>
    <p class="small"><span class="badge ${status.tone}">${status.text}</span></p>
    ${workshop.place ? html`<p class="small muted">${workshop.place}</p>` : nothing}
    ${workshop.link && (seat?.status === 'confirmed' || seat?.status === 'assigned') && !queued
      ? html`<p class="small"><a href=${workshop.link} target="_blank" rel="noopener noreferrer">${host.t.card.joinLink}<span class="visually-hidden">: ${host.text(workshop.title)}</span></a></p>`
      : nothing}`;
}
