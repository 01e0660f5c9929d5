import type { ActivityKind, ActivityRecord, ChangeDraft, CommandContext, CommandSpec } from '../activity.js';
import { OsaError } from '../errors.js';
import { localizedTextSchema, SLUG_PATTERN } from '../event.js';
import type { ExportTables } from '../protocol.js';
import type { Schema } from '../validate.js';
import { allocate, firstComeFirstServed, type AllocationObjective, type AllocationParticipant, type AllocationResult } from './allocation.js';
import {
  holdsSeat,
  initialWorkshopsState,
  isCancelled,
  offerLapsed,
  participantNumbers,
  workshopsView,
  type AllocationPreview,
  type Seat,
  type Workshop,
  type WorkshopsConfig,
  type WorkshopsState,
} from './workshops.view.js';

export * from './workshops.view.js';

/**
 * The rules of the workshop picker: claims and waitlists (first come), rankings and the
 * organiser's allocation (ranked), moves and locks. Capacity is never exceeded: every command that
 * seats someone checks the seats held in the same plan that records the seat, and every store
 * runs one plan at a time per event.
 */

const idSchema: Schema = { type: 'string', pattern: SLUG_PATTERN };
const text = (maxLength: number): Schema => ({ type: 'string', minLength: 1, maxLength });
/** A text in one language for all (a string) or per language. */
const localized = (maxLength: number, minLength = 1): Schema => ({
  anyOf: [
    { type: 'string', minLength, maxLength },
    { type: 'object', properties: { fi: text(maxLength), sv: text(maxLength), en: text(maxLength) }, additionalProperties: false },
  ],
});

const workshopSchema: Schema = {
  type: 'object',
  properties: {
    id: idSchema,
    title: localizedTextSchema,
    description: localized(2000, 0),
    // In the event's languages, like the titles: a trilingual catalogue filters by the same theme in each.
    theme: localized(80),
    level: localized(80),
    slot: idSchema,
    place: text(200),
    link: { type: 'string', minLength: 1, maxLength: 500, pattern: '^https?://' },
    facilitator: text(200),
    capacity: { type: 'integer', minimum: 0, maximum: 100000 },
    minimum: { type: 'integer', minimum: 0, maximum: 100000 },
  },
  required: ['id', 'title', 'slot', 'capacity'],
  additionalProperties: false,
};

const configSchema: Schema = {
  type: 'object',
  properties: {
    mode: { type: 'string', enum: ['firstCome', 'ranked'] },
    slots: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        properties: { id: idSchema, title: localizedTextSchema, start: text(40), end: text(40) },
        required: ['id', 'title'],
        additionalProperties: false,
      },
    },
    workshops: { type: 'array', items: workshopSchema, maxItems: 500 },
    choicesPerSlot: { type: 'integer', minimum: 1, maximum: 10 },
    objective: { type: 'string', enum: ['sum', 'fair', 'rankMaximal'] },
    // At most a week.
    claimWindowMinutes: { type: 'integer', minimum: 0, maximum: 10080 },
  },
  required: ['mode', 'slots', 'workshops', 'choicesPerSlot'],
  additionalProperties: false,
};

export const DEFAULT_WORKSHOPS_CONFIG: WorkshopsConfig = {
  mode: 'firstCome',
  slots: [],
  workshops: [],
  choicesPerSlot: 5,
  objective: 'sum',
  claimWindowMinutes: 0,
};

function requireParticipant(context: CommandContext): string {
  if (context.participant === undefined) throw new OsaError('forbidden', 'This needs a participant.');
  return context.participant;
}

function workshopOf(config: WorkshopsConfig, id: string, field = 'workshop'): Workshop {
  const found = config.workshops.find((workshop) => workshop.id === id);
  if (!found) throw new OsaError('not_found', `There is no workshop "${id}".`, { field });
  return found;
}

/** A workshop that can still be claimed, ranked or moved into: it exists and is not cancelled. */
function openWorkshopOf(state: WorkshopsState, config: WorkshopsConfig, id: string, field = 'workshop'): Workshop {
  const found = workshopOf(config, id, field);
  if (isCancelled(state, id)) throw new OsaError('invalid', `The workshop "${id}" has been cancelled.`, { field, reason: { kind: 'notAllowed' } });
  return found;
}

/**
 * The seats a command changes, on top of the state (which a plan never mutates): every change is
 * recorded as a change draft, and `finish` adds the public counts, the organiser's waitlists and
 * the new positions of everyone whose place in a line moved.
 *
 * With a claim window, a freed seat is offered to the first in line until `now` plus the window;
 * offers that have lapsed at `now` are passed on by `sweep`, which every command that touches a
 * workshop runs first (there are no timers: time is read from the command's context).
 */
class SeatPlan {
  readonly changes: ChangeDraft[] = [];
  private readonly seats = new Map<string, Record<string, Seat>>();
  private readonly lines = new Map<string, string[]>();
  private readonly held = new Map<string, number>();

  constructor(
    private readonly state: WorkshopsState,
    private readonly config: WorkshopsConfig,
    private readonly now: number,
  ) {}

  seatsOf(participant: string): Record<string, Seat> {
    let seats = this.seats.get(participant);
    if (!seats) this.seats.set(participant, (seats = { ...(this.state.participants[participant]?.seats ?? {}) }));
    return seats;
  }

  line(workshop: string): string[] {
    let line = this.lines.get(workshop);
    if (!line) this.lines.set(workshop, (line = [...(this.state.waitlists[workshop] ?? [])]));
    return line;
  }

  heldIn(workshop: string): number {
    return this.held.get(workshop) ?? this.state.counts[workshop]?.held ?? 0;
  }

  private setSeat(participant: string, slot: string, seat: Seat | null): void {
    const seats = this.seatsOf(participant);
    if (seat === null) delete seats[slot];
    else seats[slot] = seat;
    this.changes.push({ type: 'seat', data: { slot, seat }, audience: `participant:${participant}` });
  }

  /** Seats `participant` in `workshop`, or puts them in its line when it is full (unless `lineWhenFull` is false: then refused). */
  place(participant: string, workshop: Workshop, status: 'confirmed' | 'assigned', extra: Pick<Seat, 'rank' | 'locked'> = {}, lineWhenFull = true): Seat {
    if (this.heldIn(workshop.id) < workshop.capacity) {
      this.held.set(workshop.id, this.heldIn(workshop.id) + 1);
      const seat: Seat = { workshop: workshop.id, status, ...extra };
      this.setSeat(participant, workshop.slot, seat);
      return seat;
    }
    if (!lineWhenFull) throw new OsaError('full', `The workshop "${workshop.id}" is full.`, { field: 'workshop' });
    const line = this.line(workshop.id);
    line.push(participant);
    const seat: Seat = { workshop: workshop.id, status: 'waitlisted', position: line.length };
    this.setSeat(participant, workshop.slot, seat);
    return seat;
  }

  /** Frees `participant`'s place in `slot`; a freed seat goes to the first in line at once. */
  remove(participant: string, slot: string): void {
    const seat = this.seatsOf(participant)[slot];
    if (!seat) return;
    this.setSeat(participant, slot, null);
    if (seat.status === 'waitlisted') {
      const line = this.line(seat.workshop);
      line.splice(line.indexOf(participant), 1);
      return;
    }
    this.held.set(seat.workshop, this.heldIn(seat.workshop) - 1);
    const next = this.line(seat.workshop).shift();
    if (next !== undefined) this.promote(next, workshopOf(this.config, seat.workshop));
  }

  /** Gives a free seat of `workshop` to `participant`, who has just left its line: theirs at once, or offered for the claim window. */
  private promote(participant: string, workshop: Workshop): void {
    this.held.set(workshop.id, this.heldIn(workshop.id) + 1);
    const window = this.config.claimWindowMinutes ?? 0;
    // Each offer runs its whole window from when it is made: nobody loses an offer they could not have seen.
    this.setSeat(participant, workshop.slot, window > 0 ? { workshop: workshop.id, status: 'offered', offeredUntil: this.now + window * 60_000 } : { workshop: workshop.id, status: 'confirmed' });
  }

  /**
   * Passes on the offers in `workshop` whose claim window has passed: each lapsed offer is removed
   * and its seat offered to the next in line (in line order), until none has lapsed. Seats left
   * free while people wait (the organiser raised the capacity) go to the line the same way.
   * Returns how many offers lapsed.
   */
  sweep(workshop: Workshop): number {
    let lapsed = 0;
    // Live (not cancelled) workshops only: a cancelled one has nobody in it.
    while (this.heldIn(workshop.id) < workshop.capacity && this.line(workshop.id).length > 0) {
      const next = this.line(workshop.id)[0];
      // Leaving the line and taking the freed seat: `remove` then `promote`.
      this.line(workshop.id).shift();
      this.promote(next, workshop);
    }
    for (const participant of Object.keys(this.state.participants)) {
      const seat = this.seats.has(participant) ? this.seats.get(participant)![workshop.slot] : this.state.participants[participant].seats[workshop.slot];
      if (seat?.workshop !== workshop.id || !offerLapsed(seat, this.now)) continue;
      this.remove(participant, workshop.slot);
      lapsed += 1;
    }
    return lapsed;
  }

  /** Sweeps `workshop` and the workshop `participant` has in its time slot (their own offer there may have lapsed). */
  sweepFor(participant: string, workshop: Workshop): void {
    this.sweep(workshop);
    const current = this.seatsOf(participant)[workshop.slot];
    if (current && current.workshop !== workshop.id) {
      const other = this.config.workshops.find((entry) => entry.id === current.workshop);
      if (other) this.sweep(other);
    }
  }

  /** Whether this plan changed the seats held in or the line of `workshop` (its count is then in `finish`). */
  touchedCount(workshop: string): boolean {
    return this.held.has(workshop) || this.lines.has(workshop);
  }

  finish(): ChangeDraft[] {
    const touched = new Set([...this.held.keys(), ...this.lines.keys()]);
    for (const [workshop, line] of this.lines) {
      this.changes.push({ type: 'waitlist', data: { workshop, order: line }, audience: 'organiser' });
      // Everyone still in line whose position changed is told their new one.
      const { slot } = workshopOf(this.config, workshop);
      line.forEach((participant, index) => {
        const seat = this.seatsOf(participant)[slot];
        if (seat?.status === 'waitlisted' && seat.position !== index + 1) this.setSeat(participant, slot, { ...seat, position: index + 1 });
      });
    }
    for (const workshop of touched) {
      this.changes.push({ type: 'count', data: { workshop, held: this.heldIn(workshop), waiting: this.line(workshop).length }, audience: 'public' });
    }
    return this.changes;
  }
}

const claim: CommandSpec<WorkshopsState, WorkshopsConfig, { workshop: string }, Seat> = {
  input: { type: 'object', properties: { workshop: idSchema }, required: ['workshop'], additionalProperties: false },
  phases: ['open'],
  run(activity, payload, context) {
    const participant = requireParticipant(context);
    const { state, config } = activity;
    if (config.mode === 'ranked' && state.publishedAt === undefined) {
      throw new OsaError('phase_closed', 'Seats are allocated from rankings: rank the workshops instead.');
    }
    const workshop = openWorkshopOf(state, config, payload.workshop);
    const plan = new SeatPlan(state, config, context.now);
    plan.sweepFor(participant, workshop);
    const current = plan.seatsOf(participant)[workshop.slot];
    if (current?.workshop === workshop.id) return { result: current, changes: plan.finish() };
    if (current) {
      throw new OsaError('invalid', `You already have the workshop "${current.workshop}" in this time slot: cancel it first.`, {
        field: 'workshop',
        reason: { kind: 'notAllowed' },
      });
    }
    const seat = plan.place(participant, workshop, 'confirmed');
    return { result: seat, changes: plan.finish() };
  },
};

const cancel: CommandSpec<WorkshopsState, WorkshopsConfig, { workshop: string }, { cancelled: boolean }> = {
  input: { type: 'object', properties: { workshop: idSchema }, required: ['workshop'], additionalProperties: false },
  phases: ['open'],
  run(activity, payload, context) {
    const participant = requireParticipant(context);
    const { state, config } = activity;
    const workshop = workshopOf(config, payload.workshop);
    const plan = new SeatPlan(state, config, context.now);
    plan.sweepFor(participant, workshop);
    const seat = plan.seatsOf(participant)[workshop.slot];
    // An offer that lapsed is gone already: nothing left to cancel.
    if (seat?.workshop !== workshop.id) return { result: { cancelled: false }, changes: plan.finish() };
    if (seat.locked) throw new OsaError('forbidden', 'The organiser fixed this workshop for you; ask them to change it.');
    plan.remove(participant, workshop.slot);
    return { result: { cancelled: true }, changes: plan.finish() };
  },
};

const acceptOffer: CommandSpec<WorkshopsState, WorkshopsConfig, { workshop: string }, { accepted: boolean; seat?: Seat }> = {
  input: { type: 'object', properties: { workshop: idSchema }, required: ['workshop'], additionalProperties: false },
  // An offer made just before registration closed can still be taken.
  phases: ['open', 'closed'],
  run(activity, payload, context) {
    const participant = requireParticipant(context);
    const { state, config } = activity;
    const workshop = workshopOf(config, payload.workshop);
    const plan = new SeatPlan(state, config, context.now);
    // A lapsed offer is passed on first: it can no longer be accepted.
    plan.sweepFor(participant, workshop);
    const seat = plan.seatsOf(participant)[workshop.slot];
    if (seat?.workshop !== workshop.id || seat.status === 'waitlisted') return { result: { accepted: false }, changes: plan.finish() };
    if (seat.status !== 'offered') return { result: { accepted: true, seat }, changes: plan.finish() };
    const { offeredUntil: _offeredUntil, ...rest } = seat;
    const accepted: Seat = { ...rest, status: 'confirmed' };
    plan.changes.push({ type: 'seat', data: { slot: workshop.slot, seat: accepted }, audience: `participant:${participant}` });
    return { result: { accepted: true, seat: accepted }, changes: plan.finish() };
  },
};

/** Passes on the lapsed offers of one workshop or of all: the organiser's screen, or anyone's, sends it when it sees one. */
const expireOffers: CommandSpec<WorkshopsState, WorkshopsConfig, { workshop?: string }, { lapsed: number }> = {
  input: { type: 'object', properties: { workshop: idSchema }, additionalProperties: false },
  run(activity, payload, context) {
    const { state, config } = activity;
    const plan = new SeatPlan(state, config, context.now);
    const workshops = payload.workshop === undefined ? config.workshops : [workshopOf(config, payload.workshop)];
    const lapsed = workshops.reduce((sum, workshop) => sum + plan.sweep(workshop), 0);
    return { result: { lapsed }, changes: plan.finish() };
  },
};

const rank: CommandSpec<WorkshopsState, WorkshopsConfig, { choices: string[] }, { ranking: Record<string, string[]> }> = {
  input: { type: 'object', properties: { choices: { type: 'array', items: idSchema, maxItems: 200, uniqueItems: true } }, required: ['choices'], additionalProperties: false },
  phases: ['open'],
  run(activity, payload, context) {
    const participant = requireParticipant(context);
    const { state, config } = activity;
    if (config.mode !== 'ranked') throw new OsaError('phase_closed', 'Seats are claimed first come, first served here: claim a workshop instead.');
    if (state.publishedAt !== undefined) throw new OsaError('phase_closed', 'The seats have been allocated: rankings can no longer change.');
    const ranking: Record<string, string[]> = {};
    payload.choices.forEach((id, index) => {
      const workshop = openWorkshopOf(state, config, id, `choices.${index}`);
      const list = (ranking[workshop.slot] ??= []);
      if (list.length >= config.choicesPerSlot) {
        throw new OsaError('invalid', `Rank at most ${config.choicesPerSlot} workshops per time slot.`, {
          field: 'choices',
          reason: { kind: 'tooMany', limit: config.choicesPerSlot },
        });
      }
      list.push(id);
    });
    const before = state.participants[participant]?.ranking ?? {};
    const wasRanked = Object.keys(before).length > 0;
    const isRanked = Object.keys(ranking).length > 0;
    const changes: ChangeDraft[] = [{ type: 'ranking', data: { ranking }, audience: `participant:${participant}` }];
    if (wasRanked !== isRanked) changes.push({ type: 'ranked-count', data: { count: state.rankedCount + (isRanked ? 1 : -1) }, audience: 'public' });
    return { result: { ranking }, changes };
  },
};

/** The allocation of the current rankings, keeping published seats where it can and locked seats always. */
function runAllocation(state: WorkshopsState, config: WorkshopsConfig, objective: AllocationObjective, seed: number): { result: AllocationResult; firstCome: AllocationResult } {
  const participants: AllocationParticipant[] = Object.entries(state.participants)
    .filter(([, record]) => Object.keys(record.ranking).length > 0 || Object.keys(record.seats).length > 0)
    .map(([id, record]) => {
      const current: Record<string, string> = {};
      const locked: Record<string, string> = {};
      for (const [slot, seat] of Object.entries(record.seats)) {
        if (seat.status === 'waitlisted') continue;
        if (seat.locked) locked[slot] = seat.workshop;
        else current[slot] = seat.workshop;
      }
      return { id, choices: Object.values(record.ranking).flat().filter((workshop) => !isCancelled(state, workshop)), current, locked };
    });
  // A cancelled workshop is out of the allocation: nobody is placed in it.
  const workshops = config.workshops.filter((workshop) => !isCancelled(state, workshop.id)).map(({ id, slot, capacity }) => ({ id, slot, capacity }));
  const input = { workshops, participants, objective, seed };
  const order = participants.map((participant) => participant.id);
  // First come, first served on the same preferences, in a lottery order (for the comparison).
  for (let index = order.length - 1; index > 0; index -= 1) {
    const other = (seed + index * 2654435761) % (index + 1);
    [order[index], order[other]] = [order[other], order[index]];
  }
  return { result: allocate(input), firstCome: firstComeFirstServed({ ...input, participants: participants.map((entry) => ({ ...entry, current: undefined, locked: undefined })) }, order) };
}

const allocateCommand: CommandSpec<WorkshopsState, WorkshopsConfig, { objective?: AllocationObjective; seed?: number }, Omit<AllocationPreview, 'assignments'>> = {
  input: {
    type: 'object',
    properties: { objective: { type: 'string', enum: ['sum', 'fair', 'rankMaximal'] }, seed: { type: 'integer', minimum: 0, maximum: 4294967295 } },
    additionalProperties: false,
  },
  organiser: true,
  run(activity, payload, context) {
    const { state, config } = activity;
    if (config.mode !== 'ranked') throw new OsaError('phase_closed', 'Allocation is for ranked registration.');
    const objective = payload.objective ?? config.objective;
    const seed = payload.seed ?? Math.floor(context.random.next() * 4294967295);
    const { result, firstCome } = runAllocation(state, config, objective, seed);
    const assignments: AllocationPreview['assignments'] = {};
    const seated = new Map<string, number>();
    for (const entry of result.assignments) {
      (assignments[entry.participant] ??= {})[entry.slot] = { workshop: entry.workshop, rank: entry.rank };
      if (entry.workshop !== null) seated.set(entry.workshop, (seated.get(entry.workshop) ?? 0) + 1);
    }
    const belowMinimum = config.workshops
      .filter((workshop) => !isCancelled(state, workshop.id) && workshop.minimum !== undefined && (seated.get(workshop.id) ?? 0) < workshop.minimum)
      .map((workshop) => ({ workshop: workshop.id, seated: seated.get(workshop.id) ?? 0, minimum: workshop.minimum! }));
    const preview: AllocationPreview = {
      objective,
      profile: result.profile,
      outside: result.outside,
      unseated: result.unseated,
      moved: result.moved,
      firstCome: { profile: firstCome.profile, outside: firstCome.outside, unseated: firstCome.unseated },
      assignments,
      belowMinimum,
      at: context.now,
    };
    const { assignments: _assignments, ...summary } = preview;
    return { result: summary, changes: [{ type: 'preview', data: { preview }, audience: 'organiser' }] };
  },
};

const publishAllocation: CommandSpec<WorkshopsState, WorkshopsConfig, Record<string, never>, { published: number }> = {
  input: { type: 'object', properties: {}, additionalProperties: false },
  organiser: true,
  run(activity, _payload, context) {
    const { state, config } = activity;
    const preview = state.preview;
    if (!preview) throw new OsaError('invalid', 'Run the allocation first, then publish its preview.', { field: 'preview', reason: { kind: 'required' } });
    const stale = Object.values(preview.assignments).some((slots) => Object.values(slots).some((target) => target.workshop !== null && isCancelled(state, target.workshop)));
    if (stale) throw new OsaError('invalid', 'A workshop in this preview has been cancelled: run the allocation again, then publish.', { field: 'preview', reason: { kind: 'notAllowed' } });
    const plan = new SeatPlan(state, config, context.now);
    let published = 0;
    // Everyone leaves their old seat first, so that moves between full workshops succeed.
    for (const [participant, slots] of Object.entries(preview.assignments)) {
      for (const [slot, target] of Object.entries(slots)) {
        const seat = plan.seatsOf(participant)[slot];
        if (seat && !seat.locked && seat.workshop !== target.workshop) plan.remove(participant, slot);
      }
    }
    for (const [participant, slots] of Object.entries(preview.assignments)) {
      for (const [slot, target] of Object.entries(slots)) {
        const seat = plan.seatsOf(participant)[slot];
        if (target.workshop === null || seat?.locked) continue;
        if (seat?.workshop === target.workshop && holdsSeat(seat)) continue;
        if (seat) plan.remove(participant, slot);
        plan.place(participant, workshopOf(config, target.workshop), 'assigned', target.rank === null ? {} : { rank: target.rank }, false);
        published += 1;
      }
    }
    return { result: { published }, changes: [...plan.finish(), { type: 'published', data: { at: context.now }, audience: 'public' }] };
  },
};

const move: CommandSpec<WorkshopsState, WorkshopsConfig, { participant: string; workshop: string; lock?: boolean }, Seat> = {
  input: {
    type: 'object',
    properties: { participant: { type: 'string', minLength: 1, maxLength: 64 }, workshop: idSchema, lock: { type: 'boolean' } },
    required: ['participant', 'workshop'],
    additionalProperties: false,
  },
  organiser: true,
  run(activity, payload, context) {
    const { state, config } = activity;
    if (!Object.hasOwn(state.participants, payload.participant)) throw new OsaError('not_found', `There is no participant "${payload.participant}".`, { field: 'participant' });
    const workshop = openWorkshopOf(state, config, payload.workshop);
    const plan = new SeatPlan(state, config, context.now);
    plan.sweepFor(payload.participant, workshop);
    const current = plan.seatsOf(payload.participant)[workshop.slot];
    if (current?.workshop === workshop.id && holdsSeat(current)) {
      // The organiser's word settles an offer: the seat is theirs.
      const { offeredUntil: _offeredUntil, ...kept } = current;
      const seat: Seat = { ...kept, status: current.status === 'offered' ? 'confirmed' : current.status, locked: payload.lock ?? current.locked };
      if (seat.locked === undefined) delete seat.locked;
      plan.changes.push({ type: 'seat', data: { slot: workshop.slot, seat }, audience: `participant:${payload.participant}` });
      return { result: seat, changes: plan.finish() };
    }
    plan.remove(payload.participant, workshop.slot);
    const status = config.mode === 'ranked' && state.publishedAt !== undefined ? 'assigned' : 'confirmed';
    const choice = state.participants[payload.participant].ranking[workshop.slot]?.indexOf(workshop.id) ?? -1;
    // The organiser moves someone only into a free seat: a room is never overbooked.
    const seat = plan.place(payload.participant, workshop, status, { ...(choice >= 0 && status === 'assigned' ? { rank: choice + 1 } : {}), ...(payload.lock ? { locked: true } : {}) }, false);
    return { result: seat, changes: plan.finish() };
  },
};

const cancelWorkshop: CommandSpec<WorkshopsState, WorkshopsConfig, { workshop: string }, { cancelled: boolean; released: number }> = {
  input: { type: 'object', properties: { workshop: idSchema }, required: ['workshop'], additionalProperties: false },
  organiser: true,
  run(activity, payload, context) {
    const { state, config } = activity;
    const workshop = workshopOf(config, payload.workshop);
    if (isCancelled(state, workshop.id)) return { result: { cancelled: false, released: 0 }, changes: [] };
    const plan = new SeatPlan(state, config, context.now);
    const inIt = Object.entries(state.participants).filter(([, record]) => record.seats[workshop.slot]?.workshop === workshop.id);
    // Those waiting leave first, so that nobody is promoted into a seat that is going away.
    const waiting = inIt.filter(([, record]) => record.seats[workshop.slot].status === 'waitlisted');
    const seated = inIt.filter(([, record]) => holdsSeat(record.seats[workshop.slot]));
    for (const [participant] of [...waiting, ...seated]) plan.remove(participant, workshop.slot);
    const changes: ChangeDraft[] = [{ type: 'workshop-cancelled', data: { workshop: workshop.id }, audience: 'public' }, ...plan.finish()];
    // Rankings drop it.
    let rankedCount = state.rankedCount;
    for (const [participant, record] of Object.entries(state.participants)) {
      if (!record.ranking[workshop.slot]?.includes(workshop.id)) continue;
      const ranking = { ...record.ranking };
      const rest = ranking[workshop.slot].filter((id) => id !== workshop.id);
      if (rest.length > 0) ranking[workshop.slot] = rest;
      else delete ranking[workshop.slot];
      changes.push({ type: 'ranking', data: { ranking }, audience: `participant:${participant}` });
      if (Object.keys(ranking).length === 0) rankedCount -= 1;
    }
    if (rankedCount !== state.rankedCount) changes.push({ type: 'ranked-count', data: { count: rankedCount }, audience: 'public' });
    if (!plan.touchedCount(workshop.id)) changes.push({ type: 'count', data: { workshop: workshop.id, held: 0, waiting: 0 }, audience: 'public' });
    return { result: { cancelled: true, released: inIt.length }, changes };
  },
};

function exportTables(activity: ActivityRecord<WorkshopsState, WorkshopsConfig>): ExportTables {
  const { state, config } = activity;
  // Participants are numbered in order of first appearance: the export never carries device ids.
  const pseudonyms = participantNumbers(state);
  const registrations = Object.entries(state.participants).flatMap(([participant, record]) =>
    Object.entries(record.seats).map(([slot, seat]) => {
      const choice = record.ranking[slot]?.indexOf(seat.workshop) ?? -1;
      return {
        participant: pseudonyms.get(participant)!,
        workshop: seat.workshop,
        slot,
        status: seat.status,
        position: seat.status === 'waitlisted' ? (seat.position ?? null) : null,
        offeredUntil: seat.status === 'offered' && seat.offeredUntil !== undefined ? new Date(seat.offeredUntil).toISOString() : null,
        rank: seat.rank ?? (choice >= 0 ? choice + 1 : null),
        locked: seat.locked === true,
      };
    }),
  );
  const workshops = config.workshops.map((workshop) => ({
    workshop: workshop.id,
    slot: workshop.slot,
    capacity: workshop.capacity,
    held: state.counts[workshop.id]?.held ?? 0,
    waiting: state.counts[workshop.id]?.waiting ?? 0,
    minimum: workshop.minimum ?? null,
  }));
  const rankings = Object.entries(state.participants).flatMap(([participant, record]) =>
    Object.values(record.ranking).flatMap((choices) => choices.map((workshop, index) => ({ participant: pseudonyms.get(participant)!, workshop, choice: index + 1 }))),
  );
  return { registrations, workshops, rankings };
}

/** What the schema cannot say: ids are unique, every workshop has a title and is in a declared slot. */
function checkConfig(config: WorkshopsConfig): void {
  const slots = new Set<string>();
  config.slots.forEach((slot, index) => {
    if (slots.has(slot.id)) throw new OsaError('invalid', `Two time slots have the id "${slot.id}".`, { field: `config.slots.${index}.id`, reason: { kind: 'notAllowed' } });
    slots.add(slot.id);
  });
  const ids = new Set<string>();
  config.workshops.forEach((workshop, index) => {
    if (ids.has(workshop.id)) throw new OsaError('invalid', `Two workshops have the id "${workshop.id}".`, { field: `config.workshops.${index}.id`, reason: { kind: 'notAllowed' } });
    ids.add(workshop.id);
    if (typeof workshop.title !== 'string' && !Object.values(workshop.title).some(Boolean)) {
      throw new OsaError('invalid', `The workshop "${workshop.id}" needs a title.`, { field: `config.workshops.${index}.title`, reason: { kind: 'required' } });
    }
    if (!slots.has(workshop.slot)) {
      throw new OsaError('invalid', `The workshop "${workshop.id}" is in the time slot "${workshop.slot}", which is not among the slots.`, {
        field: `config.workshops.${index}.slot`,
        reason: { kind: 'notAllowed' },
      });
    }
  });
}

const heldOrWaiting = (state: WorkshopsState, workshop: string): { held: number; waiting: number } => state.counts[workshop] ?? { held: 0, waiting: 0 };

/**
 * What a new catalogue may not do to the people already in it: remove a workshop where someone
 * holds a seat or waits (cancel it instead), move such a workshop to another time slot, or give it
 * fewer seats than are held.
 */
function checkReconfigure(config: WorkshopsConfig, activity: ActivityRecord<WorkshopsState, WorkshopsConfig>): void {
  const { state } = activity;
  const next = new Map(config.workshops.map((workshop, index) => [workshop.id, { workshop, index }]));
  for (const before of activity.config.workshops) {
    const { held, waiting } = heldOrWaiting(state, before.id);
    const after = next.get(before.id);
    if (!after) {
      if (held + waiting > 0) {
        throw new OsaError('invalid', `The workshop "${before.id}" cannot be removed: ${held} hold a seat and ${waiting} wait in it. Cancel the workshop instead.`, {
          field: 'config.workshops',
          reason: { kind: 'notAllowed' },
        });
      }
      continue;
    }
    if (after.workshop.slot !== before.slot && held + waiting > 0) {
      throw new OsaError('invalid', `The workshop "${before.id}" cannot move to another time slot while people hold seats or wait in it.`, {
        field: `config.workshops.${after.index}.slot`,
        reason: { kind: 'notAllowed' },
      });
    }
    if (after.workshop.capacity < held) {
      throw new OsaError('invalid', `The workshop "${before.id}" has ${held} seats held: its capacity cannot go below that.`, {
        field: `config.workshops.${after.index}.capacity`,
        reason: { kind: 'tooSmall', limit: held },
      });
    }
  }
}

export const workshopsKind = {
  ...workshopsView,
  configSchema,
  checkConfig,
  checkReconfigure,
  defaultConfig: DEFAULT_WORKSHOPS_CONFIG,
  initialState: initialWorkshopsState,
  exportTables,
  commands: {
    claim,
    cancel,
    acceptOffer,
    expireOffers,
    rank,
    allocate: allocateCommand,
    publishAllocation,
    move,
    cancelWorkshop,
  },
} satisfies ActivityKind<WorkshopsState, WorkshopsConfig, Record<string, CommandSpec<WorkshopsState, WorkshopsConfig, never, unknown>>>;
