import type { ReactiveController } from 'lit';
import { offerLapsed, seatsLeft, type Seat, type WorkshopsConfig, type WorkshopsState } from '../../core/workshops/workshops.view.js';
import type { OsaWorkshopPicker } from './workshop-picker.component.js';

/** Seats left at or below which a workshop the participant is looking at is announced. */
export const LOW_SEATS = 3;

/** A write made offline, waiting in the outbox: shown on its card and in the schedule until it is sent. */
export interface PendingWrite {
  workshop: string;
  action: 'claim' | 'cancel';
}

/**
 * What changes live for the participant, said politely: their waitlist place becoming a seat (a
 * cancellation elsewhere promoted them), their place in line moving up, a published allocation
 * giving them a seat, and seats running low in workshops they are looking at. It compares each
 * snapshot with the one before; the first snapshot (and one for another viewer) says nothing.
 *
 * With a claim window: a waitlist place becoming an offered seat (with its deadline), and the offer
 * lapsing. A lapsed offer is never shown as one to accept: a timer re-renders the picker when the
 * window ends (the server has no timers), and the picker then asks the back end to pass the seat on
 * (`expireOffers`), once per offer; the organiser's screen does the same for every lapsed offer it sees.
 *
 * It also keeps the writes made offline until the outbox has sent them.
 */
export class SeatWatchController implements ReactiveController {
  /** Slot → the write waiting to be sent. */
  pending: Record<string, PendingWrite> = {};
  private seen: { key: string; seats: Record<string, Seat>; left: Map<string, number> } | undefined;
  private hadPending = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = 0;
  /** Offers (participant|workshop|offeredUntil) already passed on or said lapsed. */
  private readonly handled = new Set<string>();

  constructor(private readonly host: OsaWorkshopPicker) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = 0;
  }

  /** Re-renders when the earliest open offer in `state` ends, so that it is shown lapsed without waiting for a change. */
  private wakeAtNextDeadline(state: WorkshopsState, now: number): void {
    let next = Infinity;
    for (const record of Object.values(state.participants)) {
      for (const seat of Object.values(record.seats)) if (seat.status === 'offered' && (seat.offeredUntil ?? 0) > now) next = Math.min(next, seat.offeredUntil!);
    }
    if (next === this.timerAt) return;
    clearTimeout(this.timer);
    this.timerAt = next;
    if (next === Infinity) return;
    // Timers cap at about 24.8 days; a longer window is checked again then.
    this.timer = setTimeout(() => {
      this.timerAt = 0;
      this.host.requestUpdate();
    }, Math.min(next - now + 50, 2 ** 31 - 1));
  }

  /** Asks the back end to pass on the lapsed offers this viewer sees (their own, or everyone's for the organiser). */
  private passOnLapsed(state: WorkshopsState, now: number): void {
    const host = this.host;
    if (host.staticCatalogue) return;
    const workshops = new Set<string>();
    for (const [participant, record] of Object.entries(state.participants)) {
      for (const seat of Object.values(record.seats)) {
        const key = `${participant}|${seat.workshop}|${seat.offeredUntil ?? 0}`;
        if (!offerLapsed(seat, now) || this.handled.has(key)) continue;
        this.handled.add(key);
        workshops.add(seat.workshop);
        if (participant === host.live.snapshot?.viewer.participant && host.view === 'participant') {
          const title = host.text(host.config?.workshops.find((entry) => entry.id === seat.workshop)?.title);
          host.sayTop({ kind: 'warning', text: host.t.offerLost(title) });
          host.announce(host.t.offerLost(title));
        }
      }
    }
    // Quietly: a refusal (offline, or already passed on by someone else) changes nothing for this viewer.
    for (const workshop of workshops) void host.live.send('expireOffers', { workshop }).catch(() => undefined);
  }

  /** Marks a write as waiting in the outbox. */
  queued(slot: string, write: PendingWrite): void {
    this.pending = { ...this.pending, [slot]: write };
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    const live = this.host.live;
    // The outbox has emptied: what waited is sent, and the snapshot shows its outcome.
    if (live.pending > 0) this.hadPending = true;
    else if (this.hadPending) {
      this.pending = {};
      this.hadPending = false;
    }
    const snapshot = live.snapshot;
    if (!snapshot) {
      this.seen = undefined;
      return;
    }
    const now = Date.now();
    this.wakeAtNextDeadline(snapshot.state, now);
    this.passOnLapsed(snapshot.state, now);
    const key = `${snapshot.eventId}|${snapshot.id}|${snapshot.viewer.participant ?? ''}|${snapshot.viewer.organiser}`;
    const seats = this.host.mine?.seats ?? {};
    const left = this.seatsLeftOf(snapshot.state, snapshot.config);
    const before = this.seen?.key === key ? this.seen : undefined;
    // A copy: the snapshot's state is folded in place, and each seat is replaced when it changes.
    this.seen = { key, seats: { ...seats }, left };
    if (!before || this.host.view !== 'participant') return;
    this.comparePlaces(before.seats, seats, snapshot.config);
    this.compareSeatsLeft(before.left, left, seats, snapshot.config);
  }

  private seatsLeftOf(state: WorkshopsState, config: WorkshopsConfig): Map<string, number> {
    return new Map(config.workshops.map((workshop) => [workshop.id, seatsLeft(state, config, workshop.id)]));
  }

  private comparePlaces(before: Record<string, Seat>, now: Record<string, Seat>, config: WorkshopsConfig): void {
    const host = this.host;
    const t = host.t;
    for (const [slot, seat] of Object.entries(now)) {
      const was = before[slot];
      if (was === seat) continue;
      const workshop = config.workshops.find((entry) => entry.id === seat.workshop);
      const title = host.text(workshop?.title);
      if (was?.status === 'waitlisted' && was.workshop === seat.workshop && seat.status === 'offered') {
        // An offer that has already lapsed was said as lost (above): it is no news to accept.
        if (host.lapsed(seat)) continue;
        const deadline = host.deadline(seat);
        host.sayTop({ kind: 'success', text: t.offered(title, deadline) });
        host.announce(t.offered(title, deadline));
        host.emit('osa-seat-offered', { workshop: seat.workshop, offeredUntil: seat.offeredUntil ?? 0 });
      } else if (was?.status === 'waitlisted' && was.workshop === seat.workshop && seat.status !== 'waitlisted') {
        host.sayTop({ kind: 'success', text: t.promoted(title) });
        host.announce(t.promoted(title));
        host.emit('osa-seat-promoted', { workshop: seat.workshop });
      } else if (was?.status === 'waitlisted' && seat.status === 'waitlisted' && was.workshop === seat.workshop && (seat.position ?? 0) < (was.position ?? 0)) {
        host.announce(t.movedUp(title, seat.position ?? 1));
      } else if (seat.status === 'assigned' && (was?.status !== 'assigned' || was.workshop !== seat.workshop)) {
        host.announce(`${t.card.assigned(seat.rank)}: ${title}`);
      }
    }
  }

  /** Seats running low (or out) in workshops the participant can see and has no place in. */
  private compareSeatsLeft(before: Map<string, number>, now: Map<string, number>, seats: Record<string, Seat>, config: WorkshopsConfig): void {
    const host = this.host;
    if (!host.claiming) return;
    const mine = new Set(Object.values(seats).map((seat) => seat.workshop));
    const state = host.live.snapshot!.state;
    for (const workshop of config.workshops) {
      const was = before.get(workshop.id);
      const left = now.get(workshop.id) ?? 0;
      if (was === undefined || left >= was || left > LOW_SEATS || mine.has(workshop.id)) continue;
      if (!host.catalogue.matches(workshop, config, state)) continue;
      host.announce(host.t.lowSeats(host.text(workshop.title), left));
    }
  }
}
