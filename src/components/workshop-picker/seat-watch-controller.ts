import type { ReactiveController } from 'lit';
import { seatsLeft, type Seat, type WorkshopsConfig, type WorkshopsState } from '../../core/workshops/workshops.view.js';
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
 * It also keeps the writes made offline until the outbox has sent them.
 */
export class SeatWatchController implements ReactiveController {
  /** Slot → the write waiting to be sent. */
  pending: Record<string, PendingWrite> = {};
  private seen: { key: string; seats: Record<string, Seat>; left: Map<string, number> } | undefined;
  private hadPending = false;

  constructor(private readonly host: OsaWorkshopPicker) {
    host.addController(this);
  }

  hostConnected(): void {}

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
      if (was?.status === 'waitlisted' && was.workshop === seat.workshop && seat.status !== 'waitlisted') {
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
