import type { ActivityRecord, Change, KindView, LocalizedText, Viewer } from '../activity.js';
import { ownEntry } from '../activity.js';
import type { AllocationObjective } from './allocation.js';

/**
 * What a browser needs to show a workshop picker: its types, how its changes fold into state
 * (`workshopsView`) and the selectors its views use. The commands live in `workshops.ts`.
 *
 * Phases: `preparing` (the catalogue is visible, nothing can be claimed yet) → `open` → `closed`.
 * In `firstCome` mode people claim seats (a full workshop puts them on its waitlist); in `ranked`
 * mode they rank their top choices per time slot and the organiser allocates and publishes seats.
 */
export const WORKSHOP_PHASES = ['preparing', 'open', 'closed'] as const;
export type WorkshopsPhase = (typeof WORKSHOP_PHASES)[number];
export type WorkshopsMode = 'firstCome' | 'ranked';

export interface Slot {
  id: string;
  title: LocalizedText;
  /** ISO 8601 date-time with offset, for the schedule and the calendar file. */
  start?: string;
  end?: string;
}

export interface Workshop {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** Shown as a filter; the same theme is written the same way in every workshop that has it. */
  theme?: LocalizedText;
  level?: LocalizedText;
  slot: string;
  place?: string;
  /** An address for an online workshop. */
  link?: string;
  facilitator?: string;
  capacity: number;
  /** Fewest participants for the workshop to take place (reported after an allocation). */
  minimum?: number;
}

export interface WorkshopsConfig {
  mode: WorkshopsMode;
  slots: Slot[];
  workshops: Workshop[];
  /** How many workshops a participant ranks per slot (ranked mode). */
  choicesPerSlot: number;
  /** The allocation's objective offered first to the organiser. */
  objective: AllocationObjective;
  /**
   * Minutes a promoted participant has to accept a seat freed from the waitlist (0, the default:
   * the seat is theirs at once). Until then the seat is `offered` and counts as taken; when the
   * window has passed, it is offered to the next in line.
   */
  claimWindowMinutes?: number;
}

/**
 * A participant's place in a slot: `confirmed` (claimed, or promoted from the waitlist),
 * `assigned` (by a published allocation), `waitlisted` at `position`, or `offered` (promoted from
 * the waitlist with a claim window: the seat is held for them until `offeredUntil`, and is theirs
 * once they accept it).
 */
export interface Seat {
  workshop: string;
  status: 'confirmed' | 'assigned' | 'waitlisted' | 'offered';
  /** 1 = next in line (waitlisted only). */
  position?: number;
  /** Until when (milliseconds since the epoch) an offered seat waits for the participant to accept it (offered only). */
  offeredUntil?: number;
  /** The choice number the participant got (assigned only; absent outside their list). */
  rank?: number;
  locked?: boolean;
}

export interface ParticipantWorkshops {
  /** Slot id → the participant's place in it. */
  seats: Record<string, Seat>;
  /** Slot id → workshop ids, best first (ranked mode). */
  ranking: Record<string, string[]>;
}

export interface AllocationPreview {
  objective: AllocationObjective;
  /** People who got their 1st, 2nd, … choice. */
  profile: number[];
  outside: number;
  unseated: number;
  moved: number;
  /** The same preferences served first come, first served (in a seeded random order), for comparison. */
  firstCome: { profile: number[]; outside: number; unseated: number };
  /** Participant → slot → the workshop (null: no seat) and the rank they got. */
  assignments: Record<string, Record<string, { workshop: string | null; rank: number | null }>>;
  /** Workshops below their minimum after this allocation. */
  belowMinimum: Array<{ workshop: string; seated: number; minimum: number }>;
  at: number;
}

export interface WorkshopsState {
  /** Workshop id → seats held (confirmed, assigned or offered) and people waiting: public. */
  counts: Record<string, { held: number; waiting: number }>;
  /** Participant id → what is theirs (each participant sees their own; the organiser all). */
  participants: Record<string, ParticipantWorkshops>;
  /** Workshop id → participant ids in line, first first (the organiser's). */
  waitlists: Record<string, string[]>;
  /** Participants who have ranked (public: the organiser's screen and the presenter count them). */
  rankedCount: number;
  /** Workshops the organiser cancelled (public): nobody holds or waits for a seat in them, and they cannot be claimed or ranked. */
  cancelled?: string[];
  preview?: AllocationPreview;
  publishedAt?: number;
}

export type WorkshopsData = Pick<ActivityRecord<WorkshopsState, WorkshopsConfig>, 'state' | 'config' | 'phase'>;

function recordFor(state: WorkshopsState, participant: string): ParticipantWorkshops {
  return (state.participants[participant] ??= { seats: {}, ranking: {} });
}

const participantOf = (change: Pick<Change, 'audience'>): string | undefined =>
  change.audience.startsWith('participant:') ? change.audience.slice('participant:'.length) : undefined;

function reduce(state: WorkshopsState, change: Change): WorkshopsState {
  const data = change.data as Record<string, never>;
  const participant = (data.participant as string | undefined) ?? participantOf(change);
  switch (change.type) {
    case 'count':
      state.counts[data.workshop] = { held: data.held, waiting: data.waiting };
      break;
    case 'seat':
      if (participant) {
        const record = recordFor(state, participant);
        if (data.seat === null) delete record.seats[data.slot];
        else record.seats[data.slot] = data.seat;
      }
      break;
    case 'ranking':
      if (participant) recordFor(state, participant).ranking = data.ranking;
      break;
    case 'ranked-count':
      state.rankedCount = data.count;
      break;
    case 'waitlist':
      state.waitlists[data.workshop] = data.order;
      break;
    case 'workshop-cancelled':
      if (!(state.cancelled ?? []).includes(data.workshop)) state.cancelled = [...(state.cancelled ?? []), data.workshop];
      break;
    case 'preview':
      state.preview = data.preview;
      break;
    case 'published':
      state.publishedAt = data.at;
      delete state.preview;
      break;
  }
  return state;
}

export function initialWorkshopsState(): WorkshopsState {
  return { counts: {}, participants: {}, waitlists: {}, rankedCount: 0 };
}

/** Whether a seat is held for its participant: confirmed, assigned or offered (an offer counts as taken until it is accepted, declined or has lapsed). */
export const holdsSeat = (seat: Seat | undefined): boolean => seat !== undefined && seat.status !== 'waitlisted';

/**
 * Whether `seat` is an offer whose claim window has passed at `now`: it can no longer be accepted,
 * and the next command that touches its workshop passes the seat on. Views compare with the
 * current time, so nobody sees a lapsed offer as theirs to accept.
 */
export const offerLapsed = (seat: Seat | undefined, now: number): boolean => seat?.status === 'offered' && (seat.offeredUntil ?? 0) <= now;

/** Whether `seat` is an offer the participant can still accept at `now`. */
export const offerOpen = (seat: Seat | undefined, now: number): boolean => seat?.status === 'offered' && !offerLapsed(seat, now);

/** Seats held in a workshop (confirmed, assigned or offered). */
export const heldSeats = (state: WorkshopsState, workshop: string): number => state.counts[workshop]?.held ?? 0;

/**
 * Pseudonymous participant numbers (`p1`, `p2`, … in order of first appearance), so that the
 * export and the organiser's screen never show device ids, and name the same person the same way.
 */
export function participantNumbers(state: WorkshopsState): Map<string, string> {
  return new Map(Object.keys(state.participants).map((id, index) => [id, `p${index + 1}`]));
}

/** Who holds a seat (confirmed, assigned or offered) in a workshop, in participant-number order. */
export function seatHolders(state: WorkshopsState, workshop: Pick<Workshop, 'id' | 'slot'>, numbers = participantNumbers(state)): Array<{ participant: string; number: string; seat: Seat }> {
  return Object.entries(state.participants).flatMap(([participant, record]) => {
    const seat = record.seats[workshop.slot];
    return seat?.workshop === workshop.id && seat.status !== 'waitlisted' ? [{ participant, number: numbers.get(participant)!, seat }] : [];
  });
}

/** Whether the organiser cancelled a workshop. */
export const isCancelled = (state: WorkshopsState, workshop: string): boolean => state.cancelled?.includes(workshop) ?? false;

/** Seats left in a workshop (never below 0). */
export function seatsLeft(state: WorkshopsState, config: WorkshopsConfig, workshopId: string): number {
  const workshop = config.workshops.find((entry) => entry.id === workshopId);
  return workshop ? Math.max(0, workshop.capacity - heldSeats(state, workshopId)) : 0;
}

const NOTHING_YET: ParticipantWorkshops = Object.freeze({ seats: {}, ranking: {} }) as unknown as ParticipantWorkshops;

/** What of the workshops is the viewer's own: their seats and rankings (never another participant's). */
export function workshopsMine(state: WorkshopsState, viewer: Viewer): ParticipantWorkshops {
  return ownEntry(state.participants, viewer) ?? NOTHING_YET;
}

/** How a browser folds a workshop picker's changes into what a viewer sees. */
export const workshopsView = {
  kind: 'workshops',
  phases: WORKSHOP_PHASES,
  reduce,
} satisfies KindView<WorkshopsState, WorkshopsConfig>;
